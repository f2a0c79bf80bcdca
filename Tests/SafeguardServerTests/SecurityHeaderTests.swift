import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// Every answer carries the headers that keep a browser from framing, sniffing or leaking it.
@Suite("safeguard serve: security headers")
struct SecurityHeaderTests {
    @Test func pagesAndAnswersCarryTheSecurityHeaders() async throws {
        let server = try await LiveServer()
        for path in ["/ui/sign-in", "/health", "/cases"] {
            let reply = try await server.request("GET", path, token: "pc-token")
            #expect(reply.header("X-Frame-Options") == "DENY", "\(path)")
            #expect(reply.header("X-Content-Type-Options") == "nosniff", "\(path)")
            #expect(reply.header("Referrer-Policy") == "no-referrer", "\(path)")
            let policy = try #require(reply.header("Content-Security-Policy"))
            #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-") && policy.hasSuffix("frame-ancestors 'none'; base-uri 'none'"))
        }
        let page = try await server.request("GET", "/ui/sign-in").text
        #expect(page.contains("<style>") && !page.contains("<script"))
        await server.stop()
    }
}

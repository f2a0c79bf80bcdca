import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// The bad-token lockout never refuses a valid token, and is logged without token text.
@Suite("safeguard serve: lockout")
struct LockoutTests {
    @Test func aLockedOutAddressStillTakesAValidTokenAndTheLockoutIsLogged() async throws {
        let log = CapturedLog()
        let server = try await LiveServer(lockout: BadTokenLockout(limit: 2, window: 600), logger: log.logger)
        for _ in 0..<2 { #expect(try await server.request("GET", "/due", token: "stale-token-text").status == 401) }
        let refused = try await server.request("GET", "/due", token: "stale-token-text")
        #expect(refused.status == 429)
        #expect(refused.json["detail"] as? String == "too many bad tokens from this address; expected a valid token after 10 minutes")
        #expect(try await server.request("GET", "/due", token: "pc-token").status == 200)
        let lines = log.lines
        #expect(lines.filter { $0.hasPrefix("warning unknown token client=") }.count == 2)
        #expect(lines.contains { $0.hasPrefix("warning client locked out ") && $0.contains("event=lockout") })
        #expect(lines.contains { $0.hasPrefix("warning unknown token from a locked-out client ") })
        #expect(!lines.joined().contains("stale-token-text") && !lines.joined().contains(server.token("pc-token")))
        await server.stop()
    }
}

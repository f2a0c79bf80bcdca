import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// Behind a trusted proxy, only an IP address in X-Forwarded-For names a client.
@Suite("safeguard serve: forwarded addresses")
struct ForwardedAddressTests {
    @Test func aForwardedValueThatIsNotAnIPAddressIsCountedAgainstTheProxy() async throws {
        let lockout = BadTokenLockout(limit: 3, window: 600)
        let server = try await LiveServer(lockout: lockout, trustedProxies: ["127.0.0.1"])
        for n in 0..<3 {
            #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "not-an-ip-\(n)"]).status == 401)
        }
        // Three made-up names are one client, the proxy: locked out, and the table holds one entry.
        #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "another-name"]).status == 429)
        #expect(lockout.count == 1)
        #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "2001:db8::1"]).status == 401)
        #expect(lockout.count == 2)
        await server.stop()
    }
}

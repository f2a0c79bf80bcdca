import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// A known path asked with a method it does not take is 405, naming the ones it does.
@Suite("safeguard serve: methods")
struct MethodTests {
    @Test func aWrongMethodOnAKnownPathIs405WithAllow() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        var reply = try await server.request("DELETE", "/cases/C1", token: "pc-token")
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == "GET")
        #expect(reply.json["detail"] as? String == "DELETE is not a method of /cases/C1; expected GET")
        reply = try await server.request("PUT", "/cases", token: "pc-token")
        #expect(reply.status == 405 && reply.header("Allow") == "GET, POST")
        #expect(try await server.request("GET", "/no/such/thing", token: "pc-token").status == 404)
        #expect(try server.verify().events == 3)
        await server.stop()
    }
}

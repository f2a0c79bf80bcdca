import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// Request bodies are read as strictly as apply lines, and only as JSON.
@Suite("safeguard serve: request bodies")
struct RequestBodyTests {
    @Test func aBodyThatIsNotJSONOrHasADuplicateKeyIsRefusedAndChangesNothing() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        let body = Data(#"{"event":"record_visit","at":"2026-05-24T11:00:00+01:00","data":{"outcome":"x"}}"#.utf8)
        var reply = try await server.request("POST", "/cases/C1/events", token: "pc-token", body: body, headers: ["Content-Type": "text/plain"])
        #expect(reply.status == 415)
        #expect(reply.json["detail"] as? String == "the request body is text/plain; expected Content-Type: application/json")
        let twice = Data(#"{"event":"record_visit","event":"close","at":"2026-05-24T11:00:00+01:00","data":{"outcome":"x"}}"#.utf8)
        reply = try await server.request("POST", "/cases/C1/events", token: "pc-token", body: twice, headers: ["Content-Type": "application/json"])
        #expect(reply.status == 400)
        #expect((reply.json["detail"] as? String)?.hasPrefix("the request body is not JSON (the key \"event\" appears twice at byte 24)") == true)
        reply = try await server.request("POST", "/apply", token: "pc-token", body: Data("not json\nnor this\n".utf8))
        #expect(reply.status == 400)
        #expect(reply.json["detail"] as? String == "none of the 2 lines is a well-formed transition, so nothing was applied; expected JSON Lines, one transition a line, as 'safeguard apply' takes")
        reply = try await server.request("HEAD", "/health")
        #expect(reply.status == 200)
        #expect(try server.verify().events == 3)
        await server.stop()
    }
}

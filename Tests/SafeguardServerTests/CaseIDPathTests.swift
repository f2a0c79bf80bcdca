import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// Case ids in paths are percent-decoded, so every id a client can open it can reach.
@Suite("safeguard serve: case ids in paths")
struct CaseIDPathTests {
    @Test func aCaseWhoseIdNeedsEncodingIsReachedByItsEncodedPath() async throws {
        let server = try await LiveServer()
        for (id, path) in [("with space", "with%20space"), ("é", "%C3%A9")] {
            let opened = try await server.request("POST", "/cases", token: "pc-token", json: ["id": id, "workflow": "dvpo", "at": "2026-05-23T22:10:00+01:00", "data": LiveServer.incident])
            #expect(opened.status == 201)
            let shown = try await server.request("GET", "/cases/\(path)", token: "pc-token")
            #expect(shown.status == 200)
            #expect(shown.json["id"] as? String == id)
            #expect(try await server.request("GET", "/cases/\(path)/history", token: "pc-token").status == 200)
        }
        let slash = try await server.request("POST", "/cases", token: "pc-token", json: ["id": "a/b", "workflow": "dvpo", "at": "2026-05-23T22:10:00+01:00", "data": LiveServer.incident])
        #expect(slash.status == 400)
        #expect(slash.json["detail"] as? String == "id \"a/b\" contains /; expected a case id without /, so that /cases/{id} can reach it")
        #expect(try server.verify().events == 2)
        await server.stop()
    }
}

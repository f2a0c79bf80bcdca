import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// Idempotency keys over HTTP: a key names one request.
@Suite("safeguard serve: idempotency keys")
struct IdempotencyKeyTests {
    nonisolated(unsafe) static let body: [String: Any] = ["event": "legal_review", "at": "2026-05-24T10:30:00+01:00", "data": ["evidence_complete": true]]

    @Test func aKeyReusedWithADifferentRequestIsRefusedAndChangesNothing() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        let first = try await server.request("POST", "/cases/C1/events", token: "legal-token", json: Self.body, headers: ["Idempotency-Key": "K1"])
        #expect(first.status == 201)
        let expected = "event id K1 is already recorded with a different request; expected a new Idempotency-Key for a new request (the same key only to retry the same request)"
        var other = Self.body
        other["data"] = ["evidence_complete": false]
        for (token, body) in [("legal-token", other), ("pc-token", Self.body)] {
            let reply = try await server.request("POST", "/cases/C1/events", token: token, json: body, headers: ["Idempotency-Key": "K1"])
            #expect(reply.status == 422)
            #expect(reply.json["detail"] as? String == expected)
        }
        let differ = try await server.request("POST", "/cases/C1/events", token: "legal-token", json: Self.body.merging(["id": "K2"]) { $1 }, headers: ["Idempotency-Key": "K3"])
        #expect(differ.status == 400)
        #expect(differ.json["detail"] as? String == "the Idempotency-Key header and the body's id differ; expected one event id (give either, or the same in both)")
        let emptyRole = try await server.request("POST", "/cases/C1/events", token: "legal-token", json: Self.body.merging(["role": ""]) { $1 })
        #expect(emptyRole.status == 400)
        #expect(emptyRole.json["detail"] as? String == "role is empty; expected a role you hold, e.g. constable, or no role for your first")
        #expect(try server.verify().events == 4)
        await server.stop()
    }

    @Test func anOpenWithoutAnIdRetriedWithItsKeyFindsTheSameCase() async throws {
        let server = try await LiveServer()
        let body: [String: Any] = ["workflow": "dvpo", "at": "2026-05-23T22:10:00+01:00", "data": LiveServer.incident]
        let first = try await server.request("POST", "/cases", token: "pc-token", json: body, headers: ["Idempotency-Key": "OPEN-1"])
        #expect(first.status == 201)
        let second = try await server.request("POST", "/cases", token: "pc-token", json: body, headers: ["Idempotency-Key": "OPEN-1"])
        #expect(second.status == 200)
        #expect(second.json["recorded"] as? Bool == false)
        let opened = (first.json["case"] as? [String: Any])?["id"] as? String
        #expect(opened != nil && (second.json["event"] as? [String: Any])?["case"] as? String == opened)
        #expect(try server.verify().events == 1)
        await server.stop()
    }
}

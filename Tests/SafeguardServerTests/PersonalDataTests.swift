import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// Personal fields over the API: the pages' rule (only a police rank sees them) holds for every
/// answer, and a query parameter the server does not know is refused rather than ignored.
@Suite("safeguard serve: personal data in API answers")
struct PersonalDataTests {
    static let personal = ["1988-02-14", "Mill Lane", "assault"]

    @Test func aPersonWithoutAPoliceRankGetsNoPersonalFieldFromAnyAnswer() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        // LO9 is a legal officer: a staff role, no rank.
        for path in ["/cases/C1", "/cases/C1/history", "/cases", "/cases?force=essex", "/export", "/export?redact=false"] {
            let reply = try await server.request("GET", path, token: "legal-token")
            #expect(reply.status == 200, "\(path)")
            #expect(reply.header("Cache-Control") == "no-store", "\(path)")
            for text in Self.personal { #expect(!reply.text.contains(text), "\(path) shows \(text)") }
        }
        let shown = try await server.request("GET", "/cases/C1", token: "legal-token")
        let data = try #require(shown.json["data"] as? [String: Any])
        #expect(data["perpetrator_dob"] == nil && data["relationship"] as? String == "cohabitant")
        let export = try await server.request("GET", "/export", token: "legal-token")
        #expect(export.text.contains(#""redacted":["#))
        // Their own write's answer leaves them out too.
        let fired = try await server.fire("C1", "legal_review", at: "2026-05-24T10:30:00+01:00", token: "legal-token", data: ["evidence_complete": true])
        #expect(fired.status == 201)
        for text in Self.personal { #expect(!fired.text.contains(text)) }
        // A constable sees them.
        for path in ["/cases/C1", "/cases/C1/history", "/export"] {
            let reply = try await server.request("GET", path, token: "pc-token")
            #expect(reply.text.contains("1988-02-14") && reply.text.contains("Mill Lane"), "\(path)")
        }
        #expect(try server.verify().events == 4)
        await server.stop()
    }

    @Test func anUnrecognisedRedactValueOrQueryParameterIsRefusedAndNothingIsExported() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        for value in ["yes", "TRUE", "1", "bogus", ""] {
            let reply = try await server.request("GET", "/export?redact=\(value)", token: "pc-token")
            #expect(reply.status == 400, "redact=\(value)")
            #expect(reply.header("Content-Type") == "application/problem+json")
            #expect(reply.json["detail"] as? String == "redact \(value) is not true or false; expected redact=true or redact=false")
            #expect(!reply.text.contains("1988-02-14"))
        }
        var reply = try await server.request("GET", "/export?reddact=true", token: "pc-token")
        #expect(reply.status == 400)
        #expect(reply.json["kind"] as? String == "bad input")
        #expect(reply.json["detail"] as? String == "unknown query parameter \"reddact\"; expected only force, redact")
        #expect(!reply.text.contains("1988-02-14"))
        reply = try await server.request("GET", "/cases?foo=bar", token: "pc-token")
        #expect(reply.status == 400)
        #expect(reply.json["detail"] as? String == "unknown query parameter \"foo\"; expected only force, limit, offset, state")
        reply = try await server.request("GET", "/cases/C1?x=1", token: "pc-token")
        #expect(reply.json["detail"] as? String == "unknown query parameter \"x\"; expected no query parameters")
        reply = try await server.request("GET", "/export?redact=true", token: "pc-token")
        #expect(reply.status == 200 && !reply.text.contains("1988-02-14"))
        #expect(try server.verify().events == 3)
        await server.stop()
    }
}

import Foundation
import Testing
import WorkflowCore
@testable import SafeguardServer

/// The JSON API over a real server listening on loopback.
@Suite("safeguard serve: the JSON API")
struct APITests {
    @Test func aForceSystemRunsACaseThroughItsWholeLifeOverHTTP() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        var reply = try await server.fire("C1", "legal_review", at: "2026-05-24T10:30:00+01:00", token: "legal-token", data: ["evidence_complete": true])
        #expect(reply.status == 201)
        reply = try await server.fire("C1", "apply_for_order", at: "2026-05-24T11:00:00+01:00", token: "legal-token",
            data: ["court": "Colchester Magistrates' Court", "listed_for": "2026-05-26T10:00:00+01:00", "days_sought": 28])
        #expect(reply.status == 201)
        // No event is recorded at a time after the server's now: the court sits two days later.
        server.clock.set(Instant.parse("2026-05-26T12:00:00+01:00")!)
        reply = try await server.fire("C1", "grant_order", at: "2026-05-26T11:40:00+01:00", token: "legal-token", data: ["days": 28])
        #expect(reply.status == 201)
        #expect((reply.json["case"] as? [String: Any])?["state"] as? String == "order_in_force")

        // The engine's clock, as the server runs it each minute, expires the order at its end.
        server.clock.set(Instant.parse("2026-06-23T06:00:00+01:00")!)
        let timer = ClockTimer(pool: server.server.pool, clock: { server.clock.get() }, logger: CapturedLog().logger)
        #expect(await timer.tickOnce() == 1)
        #expect(await timer.tickOnce() == 0)
        reply = try await server.request("GET", "/cases/C1", token: "pc-token")
        #expect(reply.status == 200)
        #expect(reply.json["state"] as? String == "expired")

        // Every write's actor is the person whose token made it.
        reply = try await server.request("GET", "/cases/C1/history", token: "pc-token")
        let actors = (reply.json["events"] as? [[String: Any]] ?? []).map { ($0["actor"] as? [String: Any])?["id"] as? String ?? "" }
        #expect(actors == ["PC1234", "SUP77", "PC1234", "LO9", "LO9", "LO9", "engine"])
        let verified = try server.verify()
        #expect(verified.events == 7 && verified.problems.isEmpty)
        await server.stop()
    }

    @Test func errorsAreProblemDetailsWithTheKindsOfTheExitCodes() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        var reply = try await server.request("GET", "/cases/C1")
        #expect(reply.status == 401)
        #expect(reply.header("Content-Type") == "application/problem+json")
        #expect(reply.header("WWW-Authenticate") == "Bearer realm=\"safeguard\"")
        #expect(reply.json["kind"] as? String == "unauthorised")

        reply = try await server.request("GET", "/cases/NOPE", token: "pc-token")
        #expect(reply.status == 404)
        #expect(reply.json["detail"] as? String == "unknown case \"NOPE\"; expected the id of an existing case (see 'safeguard list')")
        #expect(reply.json["instance"] as? String == "/cases/NOPE")
        #expect(reply.json["type"] as? String == "urn:safeguard:problem:bad-input")

        reply = try await server.fire("C1", "grant_order", at: "2026-05-24T12:00:00+01:00", token: "pc-token", data: ["days": 28])
        #expect(reply.status == 422)
        #expect(reply.json["kind"] as? String == "refused")

        reply = try await server.fire("C1", "record_visit", at: "yesterday", token: "pc-token", data: ["outcome": "x"])
        #expect(reply.status == 400)
        #expect(reply.json["detail"] as? String == "malformed time for at; expected \(Instant.expected)")

        reply = try await server.request("POST", "/cases/C1/events", token: "pc-token", json: ["event": "close", "actor": ["id": "SUP77"]])
        #expect(reply.status == 400)
        #expect(reply.json["detail"] as? String == "unknown field \"actor\" in the request body; expected only at, data, event, id, role")

        reply = try await server.fire("C1", "close", at: "2026-05-24T12:00:00+01:00", token: "pc-token", data: ["reason": "x"], role: "superintendent")
        #expect(reply.status == 422)
        #expect(
            reply.json["detail"] as? String
                == "PC1234 did not hold the role superintendent at 2026-05-24T12:00:00+01:00 (the register gives constable); expected a role the person holds")

        reply = try await server.request("GET", "/no/such/thing", token: "pc-token")
        #expect(reply.status == 404)
        #expect(reply.header("Content-Type") == "application/problem+json")

        // Nothing above changed the case.
        #expect(try server.verify().events == 3)
        await server.stop()
    }

    @Test func anIdempotencyKeyMakesASecondFireChangeNothing() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        let body: [String: Any] = ["event": "legal_review", "at": "2026-05-24T10:30:00+01:00", "data": ["evidence_complete": true]]
        let first = try await server.request("POST", "/cases/C1/events", token: "legal-token", json: body, headers: ["Idempotency-Key": "FS-991"])
        let second = try await server.request("POST", "/cases/C1/events", token: "legal-token", json: body, headers: ["Idempotency-Key": "FS-991"])
        #expect(first.status == 201)
        #expect(second.status == 200)
        #expect(second.json["recorded"] as? Bool == false)
        #expect(try server.verify().events == 4)
        await server.stop()
    }

    @Test func aPersonReachesOnlyTheirOwnForcesCases() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        // Another force's case is answered as an unknown one, so its existence is not given away.
        for path in ["/cases/C1", "/cases/C1/history", "/cases/C1/deadlines"] {
            let reply = try await server.request("GET", path, token: "wilts-token")
            #expect(reply.status == 404)
            #expect(reply.json["detail"] as? String == "unknown case \"C1\"; expected the id of an existing case (see 'safeguard list')")
        }
        var reply = try await server.fire("C1", "record_visit", at: "2026-05-24T11:00:00+01:00", token: "wilts-token", data: ["outcome": "x"])
        #expect(reply.status == 404)
        reply = try await server.request("GET", "/cases?force=essex", token: "wilts-token")
        #expect(reply.status == 403)
        #expect(reply.json["kind"] as? String == "forbidden")
        #expect(reply.json["detail"] as? String == "PC55 is of wiltshire, not essex; expected your own force")
        #expect(try server.verify().events == 3)
        reply = try await server.request("GET", "/cases", token: "wilts-token")
        #expect(reply.json["total"] as? Int == 0)
        reply = try await server.request("GET", "/cases?limit=1&offset=0", token: "pc-token")
        #expect(reply.json["total"] as? Int == 1)
        #expect((reply.json["cases"] as? [[String: Any]])?.first?["id"] as? String == "C1")
        reply = try await server.request("GET", "/cases?limit=0", token: "pc-token")
        #expect(reply.status == 400)
        await server.stop()
    }

    @Test func repeatedBadTokensLockTheClientOut() async throws {
        let server = try await LiveServer(lockout: BadTokenLockout(limit: 3, window: 600))
        for _ in 0..<3 {
            let reply = try await server.request("GET", "/due", token: "guess")
            #expect(reply.status == 401)
            #expect(!reply.text.contains("guess"))
        }
        let locked = try await server.request("GET", "/due", token: "guess")
        #expect(locked.status == 429)
        #expect(locked.header("Retry-After") == "600")
        // A valid token from the same address is still accepted.
        #expect(try await server.request("GET", "/due", token: "pc-token").status == 200)
        let health = try await server.request("GET", "/health")
        #expect(health.status == 200)
        await server.stop()
    }

    @Test func behindATrustedProxyBadTokensAreCountedAgainstTheForwardedClientOnly() async throws {
        // Given a server behind a proxy on 127.0.0.1 that it trusts…
        let server = try await LiveServer(lockout: BadTokenLockout(limit: 3, window: 600), trustedProxies: ["127.0.0.1"])
        for _ in 0..<3 {
            #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "198.51.100.7, 10.0.0.1"]).status == 401)
        }
        // …the guessing client is locked out, and another client behind the same proxy is not.
        #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "10.0.0.1"]).status == 429)
        #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "10.0.0.2"]).status == 401)
        await server.stop()
    }

    @Test func withoutATrustedProxyAForwardedForHeaderChoosesNothing() async throws {
        let server = try await LiveServer(lockout: BadTokenLockout(limit: 3, window: 600))
        for n in 0..<3 {
            #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "10.0.0.\(n)"]).status == 401)
        }
        #expect(try await server.request("GET", "/due", token: "guess", headers: ["X-Forwarded-For": "10.0.0.9"]).status == 429)
        await server.stop()
    }

    @Test func sixteenClientsFiringOnOneCaseLoseNoUpdate() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        server.clock.set(Instant.parse("2026-05-29T09:00:00+01:00")!)
        _ = try await server.fire("C1", "apply_for_order", at: "2026-05-24T11:00:00+01:00", token: "pc-token", data: ["court": "C", "listed_for": "2026-05-26T10:00:00+01:00"])
        _ = try await server.fire("C1", "grant_order", at: "2026-05-26T11:40:00+01:00", token: "legal-token", data: ["days": 28])
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<16 {
                group.addTask {
                    try await server.fire("C1", "record_visit", at: "2026-05-28T15:\(String(format: "%02d", n)):00+01:00", token: "pc-token", data: ["outcome": "visit \(n)"], id: "V\(n)").status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 201, count: 16))
        let history = try await server.request("GET", "/cases/C1/history", token: "pc-token")
        let visits = (history.json["events"] as? [[String: Any]] ?? []).filter { $0["event"] as? String == "record_visit" }
        #expect(Set(visits.compactMap { $0["id"] as? String }) == Set((0..<16).map { "V\($0)" }))
        let verified = try server.verify()
        #expect(verified.events == 21 && verified.problems.isEmpty)
        await server.stop()
    }

    @Test func theTimerLogsAMissedStatutoryDeadlineWithoutPersonalData() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        let shown = try await server.request("GET", "/cases/C1", token: "pc-token")
        let hearing = try #require((shown.json["deadlines"] as? [[String: Any]])?.first { $0["clock"] as? String == "hearing" })
        let due = Instant.formatUTC(try #require(Instant.parse(hearing["due"] as? String ?? "")))
        let log = CapturedLog()
        server.clock.set(Instant.parse("2026-06-01T09:00:00+01:00")!)
        let timer = ClockTimer(pool: server.server.pool, clock: { server.clock.get() }, logger: log.logger)
        #expect(await timer.tickOnce() == 1)
        let missed = log.lines.filter { $0.contains("missed statutory deadline") }
        #expect(missed == ["warning missed statutory deadline case=C1 clock=hearing due=\(due) event=record_missed_deadline"])
        #expect(!log.lines.joined().contains("Mill Lane") && !log.lines.joined().contains("1988"))
        await server.stop()
    }

    @Test func applyTakesJSONLinesWhoseActorIsTheTokensHolder() async throws {
        let server = try await LiveServer()
        let mine = #"{"id":"E1","case":"B1","workflow":"dvpo","force":"essex","event":"report_incident","at":"2026-05-23T22:10:00+01:00","actor":{"id":"PC1234","role":"constable"},"data":{"perpetrator_dob":"1988-02-14","relationship":"spouse","violence":"used"}}"#
        var reply = try await server.request("POST", "/apply", token: "pc-token", body: Data((mine + "\nnot json\n").utf8))
        #expect(reply.status == 200)
        #expect(reply.json["applied"] as? Int == 1)
        #expect(reply.json["malformed"] as? Int == 1)
        let theirs = mine.replacingOccurrences(of: "\"E1\"", with: "\"E2\"").replacingOccurrences(of: "B1", with: "B2").replacingOccurrences(of: "PC1234", with: "SUP77")
        reply = try await server.request("POST", "/apply", token: "pc-token", body: Data(theirs.utf8))
        #expect(reply.status == 422)
        #expect(reply.json["detail"] as? String == "line 1: the actor is not PC1234; expected every line to be your own, so nothing was applied")
        #expect(try server.verify().events == 1)
        await server.stop()
    }

    @Test func administratorsCheckScriptsAndReadAProcedure() async throws {
        let server = try await LiveServer()
        var reply = try await server.request("GET", "/check", token: "admin-token")
        #expect(reply.status == 200)
        #expect((reply.json["forces"] as? [String])?.contains("essex") == true)
        reply = try await server.request("GET", "/procedure?force=essex", token: "admin-token")
        #expect((reply.json["events"] as? [[String: Any]])?.contains { $0["name"] as? String == "legal_review" } == true)
        reply = try await server.request("GET", "/check", token: "pc-token")
        #expect(reply.status == 403)
        #expect(reply.json["kind"] as? String == "forbidden")
        #expect(reply.json["detail"] as? String == "PC1234 is not an administrator; expected a person holding the administrator role")
        await server.stop()
    }
}

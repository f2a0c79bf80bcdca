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

/// A script's message never reaches the client: it may quote case data.
@Suite("safeguard serve: script errors")
struct ScriptErrorProblemTests {
    @Test func aScriptErrorGivesTheClientItsLocationAndAGenericMessage() {
        let error = WorkflowError.script("perpetrator born 1988-02-14", at: SourceLocation(file: "Plugins/essex/plugin.lua", line: 12))
        let problem = Problem(error)
        #expect(problem.status == .internalServerError)
        #expect(problem.location == "Plugins/essex/plugin.lua:12")
        #expect(
            problem.detail
                == "a script failed at Plugins/essex/plugin.lua:12; expected the scripts to run (the server's log has the location; run 'safeguard check' and the case's events at the command line for the script's message)")
        #expect(!DocumentEncoder.json(problem.document).contains("1988"))
    }
}

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

/// The server's log line for a missed statutory deadline, exactly as the README prints it.
@Suite("safeguard serve: log lines")
struct ServerLogLineTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func aMissedStatutoryDeadlineIsLoggedAsTheReadmeSays() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        let shown = try await server.request("GET", "/cases/C1", token: "pc-token")
        let hearing = try #require((shown.json["deadlines"] as? [[String: Any]])?.first { $0["clock"] as? String == "hearing" })
        let due = Instant.formatUTC(try #require(Instant.parse(hearing["due"] as? String ?? "")))
        server.clock.set(Instant.parse("2026-06-01T09:00:00+01:00")!)
        let lines = Lines()
        let logger = Logger(label: "safeguard") { _ in ServerLogHandler(clock: { server.clock.get() }, write: { lines.append($0) }) }
        let timer = ClockTimer(pool: server.server.pool, clock: { server.clock.get() }, logger: logger)
        #expect(await timer.tickOnce() == 1)
        #expect(lines.all.filter { $0.contains("missed") } == ["2026-06-01T08:00:00.000Z warning missed statutory deadline case=C1 clock=hearing due=\(due) event=record_missed_deadline"])
        await server.stop()
    }
}

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

import Foundation
import HTTPTypes
import Hummingbird
import SafeguardService
import WorkflowCore

/// The JSON API: resources mirror the commands (`/cases`, `/cases/{id}/events`, `/due`, …). Every
/// route here sits behind `BearerAuthentication`; each write runs as the authenticated person (their
/// token lent to the case work), so its actor is them, in a role the staff register gave them at
/// the event's time. A body naming an `actor` is bad input: the actor is never taken from a request.
struct APIRoutes: Sendable {
    let pool: CaseworkPool
    let clock: @Sendable () -> Date

    static let transitionFields: Set<String> = ["event", "at", "role", "data", "id"]
    static let openFields: Set<String> = ["id", "workflow", "force", "at", "role", "data", "event_id"]

    func add(to group: RouterGroup<ServerContext>) {
        group.post("cases") { request, context in try await open(request, context) }
        group.get("cases") { request, context in try await list(request, context) }
        group.get("cases/:case") { _, context in
            let id = try context.parameters.require("case")
            let person = try Self.person(context)
            let document = try await pool.run { casework throws(WorkflowError) in
                let document = try casework.show(id)
                try Self.requireForce(person, document.snapshot.force)
                return Box(document)
            }
            return JSONResponse.make(document.value)
        }
        group.get("cases/:case/history") { _, context in
            let id = try context.parameters.require("case")
            let person = try Self.person(context)
            let document = try await pool.run { casework throws(WorkflowError) in
                try Self.requireForce(person, try casework.snapshot(id).force)
                return Box(try casework.history(id))
            }
            return JSONResponse.make(document.value)
        }
        group.get("cases/:case/deadlines") { _, context in
            let id = try context.parameters.require("case")
            let person = try Self.person(context)
            let explained = try await pool.run { casework throws(WorkflowError) in
                let snapshot = try casework.snapshot(id)
                try Self.requireForce(person, snapshot.force)
                return try DeadlineExplanation.of(snapshot, casework: casework).map(\.value)
            }
            return JSONResponse.make(.object(["case": .string(id), "deadlines": .array(explained)]))
        }
        group.post("cases/:case/events") { request, context in try await fire(request, context, explain: false) }
        group.post("cases/:case/explain") { request, context in try await fire(request, context, explain: true) }
        group.get("due") { request, context in try await due(request, context) }
        group.get("reports") { request, context in try await report(request, context) }
        group.get("export") { request, context in try await export(request, context) }
        group.post("apply") { request, context in try await ApplyUpload(pool: pool).apply(request, context) }
    }

    // MARK: writes

    func open(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let body = try await JSONBody(request, limit: 1 << 20, allowed: Self.openFields)
        let now = clock()
        let transition = try Self.checked { () throws(WorkflowError) in
            let force = try body.string("force") ?? person.force
            try Self.requireForce(person, force)
            return TransitionRequest(
                caseID: try body.string("id") ?? "C-" + UUID().uuidString.prefix(8), event: "", at: try body.instant("at", default: now),
                actor: Actor(id: person.id, role: try body.string("role") ?? ""), data: try body.object("data"),
                eventID: try body.string("event_id") ?? request.headers[.idempotencyKey], workflow: try body.string("workflow"), force: force)
        }
        let outcome = try await pool.run(as: person.token) { casework throws(WorkflowError) in try casework.open(transition) }
        return Self.outcomeResponse(outcome)
    }

    func fire(_ request: Request, _ context: ServerContext, explain: Bool) async throws -> Response {
        let caseID = try context.parameters.require("case")
        let person = try Self.person(context)
        let body = try await JSONBody(request, limit: 1 << 20, allowed: Self.transitionFields)
        let now = clock()
        let transition = try Self.checked { () throws(WorkflowError) in
            guard let event = try body.string("event"), !event.isEmpty else { throw .badInput("no event; expected \"event\": the event's name, e.g. authorise_notice") }
            return TransitionRequest(
                caseID: caseID, event: event, at: try body.instant("at", default: now),
                actor: Actor(id: person.id, role: try body.string("role") ?? ""), data: try body.object("data"),
                eventID: try body.string("id") ?? request.headers[.idempotencyKey])
        }
        if explain {
            let results = try await pool.run(as: person.token) { casework throws(WorkflowError) in
                try Self.requireForce(person, try casework.snapshot(caseID).force)
                return Box(try casework.explain(transition))
            }
            let explanation = results.value
            let checks: [Value] = explanation.checks.map { result -> Value in
                let source: Value = result.location.map { Value.string($0.description) } ?? .null
                let fields: [String: Value] = [
                    "check": .string(result.check), "passed": .bool(result.passed), "detail": .string(result.detail), "source": source,
                ]
                return .object(fields)
            }
            let document: [String: Value] = [
                "case": .string(caseID), "event": .string(transition.event), "allowed": .bool(explanation.allowed),
                "refusal": explanation.refusal.map { Value.object(["kind": .string($0.kind.rawValue), "message": .string($0.message)]) } ?? .null,
                "checks": .array(checks),
            ]
            return JSONResponse.make(Value.object(document))
        }
        let outcome = try await pool.run(as: person.token) { casework throws(WorkflowError) in
            try Self.requireForce(person, try casework.snapshot(caseID).force)
            return try casework.fire(transition)
        }
        return Self.outcomeResponse(outcome)
    }

    /// 201 with the event and the case for a new event; 200 with the event already recorded
    /// under the idempotency key.
    static func outcomeResponse(_ outcome: RecordOutcome) -> Response {
        switch outcome {
        case .recorded(let event, let snapshot):
            JSONResponse.make(.object(["recorded": true, "event": Rendering.eventValue(event), "case": Rendering.caseValue(snapshot)]), status: .created)
        case .alreadyRecorded(let event):
            JSONResponse.make(.object(["recorded": false, "event": Rendering.eventValue(event)]))
        }
    }

    // MARK: reads

    func list(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = request.uri.queryParameters
        let (force, limit, offset) = try Self.checked { () throws(WorkflowError) in
            let force = try Self.force(person, query["force"].map(String.init))
            return (force, try Self.integer(query["limit"].map(String.init), "limit", default: 50, range: 1...500), try Self.integer(query["offset"].map(String.init), "offset", default: 0, range: 0...Int.max))
        }
        let state = query["state"].map(String.init)
        let cases = try await pool.run { casework throws(WorkflowError) in try casework.list(state: state, force: force) }
        let page = cases.dropFirst(offset).prefix(limit)
        return JSONResponse.make(.object([
            "total": .integer(cases.count), "limit": .integer(limit), "offset": .integer(offset),
            "cases": .array(page.map(Rendering.caseValue)),
        ]))
    }

    func due(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = request.uri.queryParameters
        let now = clock()
        let (at, horizon, force) = try Self.checked { () throws(WorkflowError) in
            (try Self.instant(query["at"].map(String.init), "at") ?? now, try Self.instant(query["horizon"].map(String.init), "horizon"),
             try Self.force(person, query["force"].map(String.init)))
        }
        let document = try await pool.run { casework throws(WorkflowError) in Box(try casework.due(at: at, horizon: horizon, force: force)) }
        return JSONResponse.make(document.value)
    }

    func report(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = request.uri.queryParameters
        let (force, from, to, grouping) = try Self.checked { () throws(WorkflowError) in
            let force = try Self.force(person, query["force"].map(String.init))
            func date(_ name: String) throws(WorkflowError) -> LocalDate? {
                guard let text = query[Substring(name)].map(String.init) else { return nil }
                guard let date = LocalDate(iso: text) else { throw .badInput("\(name) is not a date; expected YYYY-MM-DD") }
                return date
            }
            let by = query["by"].map(String.init) ?? "all"
            guard let grouping = FigureCounter.Grouping(rawValue: by) else { throw .badInput("by \(JSONBody.short(by)) is not a grouping; expected month or force") }
            return (force, try date("from"), try date("to"), grouping)
        }
        let report = try await pool.run { casework throws(WorkflowError) in
            Box(try casework.figures(force: force, from: from, to: to, grouping: grouping))
        }.value
        return JSONResponse.make(.object(["groups": .array(report.groups.map { name, figures in
            .object(["group": .string(name), "figures": .object(Dictionary(report.values(figures), uniquingKeysWith: { first, _ in first }))])
        })]))
    }

    /// Every case of a force with its history, one JSON object a line (personal fields left out
    /// with `redact=true`).
    func export(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = request.uri.queryParameters
        let force = try Self.checked { () throws(WorkflowError) in try Self.force(person, query["force"].map(String.init)) }
        let redact = query["redact"].map { $0 == "true" || $0 == "1" } ?? false
        let lines = try await pool.run { casework throws(WorkflowError) in
            var lines: [String] = []
            try casework.export(force: force, redact: redact) { lines.append(DocumentEncoder.json($0)) }
            return lines
        }
        return JSONResponse.make(text: lines.joined(separator: "\n"), contentType: "application/x-ndjson")
    }

    // MARK: helpers

    static func person(_ context: ServerContext) throws -> AuthenticatedPerson {
        guard let person = context.person else { throw Problem.unauthorised("no bearer token; expected the header Authorization: Bearer YOUR-PERSONAL-TOKEN") }
        return person
    }

    /// A person of one force reaches only that force's cases.
    static func requireForce(_ person: AuthenticatedPerson, _ force: String) throws(WorkflowError) {
        if person.force != force {
            throw .refused("\(person.id) is of \(person.force), not \(force); expected a case of your own force")
        }
    }

    /// The force a query is limited to: the person's own.
    static func force(_ person: AuthenticatedPerson, _ asked: String?) throws(WorkflowError) -> String {
        if let asked { try requireForce(person, asked) }
        return person.force
    }

    static func integer(_ text: String?, _ name: String, default value: Int, range: ClosedRange<Int>) throws(WorkflowError) -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw .badInput("\(name) is not a whole number from \(range.lowerBound)\(range.upperBound == .max ? " up" : " to \(range.upperBound)")")
        }
        return number
    }

    static func instant(_ text: String?, _ name: String) throws(WorkflowError) -> Date? {
        guard let text else { return nil }
        guard let date = Instant.parse(text) else { throw .malformedTime(text, field: name) }
        return date
    }

    /// Runs request checks, turning their error into a problem.
    static func checked<T>(_ body: () throws(WorkflowError) -> T) throws(Problem) -> T {
        do throws(WorkflowError) { return try body() } catch { throw Problem(error) }
    }
}

/// Carries a non-Sendable document back from a worker thread; the worker no longer touches it.
struct Box<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

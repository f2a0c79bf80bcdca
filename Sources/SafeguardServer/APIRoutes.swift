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
        group.get("cases/:case") { request, context in
            let id = try Self.caseID(context)
            let person = try Self.person(context)
            _ = try QueryParameters(request, allowed: [])
            let document = try await pool.run { casework throws(WorkflowError) in
                var document = try casework.show(id)
                try Self.requireCase(person, document.snapshot)
                document.snapshot = PersonalFields.masked(document.snapshot, try PersonalFields.redaction(for: person, of: document.snapshot, casework: casework))
                return Box(document)
            }
            return JSONResponse.make(document.value)
        }
        group.get("cases/:case/history") { request, context in
            let id = try Self.caseID(context)
            let person = try Self.person(context)
            _ = try QueryParameters(request, allowed: [])
            let document = try await pool.run { casework throws(WorkflowError) in
                let snapshot = try casework.snapshot(id)
                try Self.requireCase(person, snapshot)
                let redaction = try PersonalFields.redaction(for: person, of: snapshot, casework: casework)
                var history = try casework.history(id)
                history.events = history.events.map(redaction.apply)
                return Box(history)
            }
            return JSONResponse.make(document.value)
        }
        group.get("cases/:case/deadlines") { request, context in
            let id = try Self.caseID(context)
            let person = try Self.person(context)
            _ = try QueryParameters(request, allowed: [])
            let explained = try await pool.run { casework throws(WorkflowError) in
                let snapshot = try casework.snapshot(id)
                try Self.requireCase(person, snapshot)
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
        _ = try QueryParameters(request, allowed: [])
        let body = try await JSONBody(request, limit: 1 << 20, allowed: Self.openFields)
        let now = clock()
        let force = try Self.force(person, try Self.checked { () throws(WorkflowError) in try body.string("force") })
        let transition = try Self.checked { () throws(WorkflowError) in
            if let id = try body.string("id"), id.contains("/") {
                throw .badInput("id \"\(JSONBody.short(id))\" contains /; expected a case id without /, so that /cases/{id} can reach it")
            }
            let eventID = try IdempotentRequest.eventID(body: try body.string("event_id"), header: request.headers[.idempotencyKey], field: "event_id")
            return TransitionRequest(
                caseID: try body.string("id") ?? IdempotentRequest.caseID(person: person, key: eventID), event: "", at: try body.instant("at", default: now),
                actor: Actor(id: person.id, role: try Self.role(body)), data: try body.object("data"),
                eventID: eventID, workflow: try body.string("workflow"), force: force)
        }
        let atGiven = body.has("at"), roleGiven = body.has("role")
        let outcome = try await pool.run(as: person.token) { casework throws(WorkflowError) in
            let outcome = try casework.open(transition)
            try IdempotentRequest.check(outcome, transition, person: person, atGiven: atGiven, roleGiven: roleGiven)
            return Self.masked(outcome, for: person, casework: casework)
        }
        return Self.outcomeResponse(outcome)
    }

    func fire(_ request: Request, _ context: ServerContext, explain: Bool) async throws -> Response {
        let caseID = try Self.caseID(context)
        let person = try Self.person(context)
        _ = try QueryParameters(request, allowed: [])
        let body = try await JSONBody(request, limit: 1 << 20, allowed: Self.transitionFields)
        let now = clock()
        let transition = try Self.checked { () throws(WorkflowError) in
            guard let event = try body.string("event"), !event.isEmpty else { throw .badInput("no event; expected \"event\": the event's name, e.g. authorise_notice") }
            return TransitionRequest(
                caseID: caseID, event: event, at: try body.instant("at", default: now),
                actor: Actor(id: person.id, role: try Self.role(body)), data: try body.object("data"),
                eventID: try IdempotentRequest.eventID(body: try body.string("id"), header: request.headers[.idempotencyKey], field: "id"))
        }
        let atGiven = body.has("at"), roleGiven = body.has("role")
        if explain {
            let results = try await pool.run(as: person.token) { casework throws(WorkflowError) in
                try Self.requireCase(person, try casework.snapshot(caseID))
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
            try Self.requireCase(person, try casework.snapshot(caseID))
            let outcome = try casework.fire(transition)
            try IdempotentRequest.check(outcome, transition, person: person, atGiven: atGiven, roleGiven: roleGiven)
            return Self.masked(outcome, for: person, casework: casework)
        }
        return Self.outcomeResponse(outcome)
    }

    /// An outcome with the personal fields the person may not see left out.
    static func masked(_ outcome: RecordOutcome, for person: AuthenticatedPerson, casework: Casework) -> RecordOutcome {
        guard !PersonalFields.shown(to: person) else { return outcome }
        switch outcome {
        case .recorded(let event, let snapshot):
            guard let redaction = try? PersonalFields.redaction(for: person, of: snapshot, casework: casework) else {
                return .recorded(Redaction(fields: Set(event.data.keys).union(event.changes.keys)).apply(event), PersonalFields.masked(snapshot, Redaction(fields: Set(snapshot.data.keys))))
            }
            return .recorded(redaction.apply(event), PersonalFields.masked(snapshot, redaction))
        case .alreadyRecorded(let event):
            return .alreadyRecorded(Redaction(fields: Set(event.data.keys).union(event.changes.keys)).apply(event))
        }
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
        let query = try QueryParameters(request, allowed: ["state", "force", "limit", "offset"])
        let force = try Self.force(person, query["force"])
        let (limit, offset) = try Self.checked { () throws(WorkflowError) in
            return (try Self.integer(query["limit"], "limit", default: 50, range: 1...500), try Self.integer(query["offset"], "offset", default: 0, range: 0...Int.max))
        }
        let state = query["state"]
        let (total, page) = try await pool.run { casework throws(WorkflowError) in
            let cases = try casework.list(state: state, force: force)
            let page = try cases.dropFirst(offset).prefix(limit).map { snapshot throws(WorkflowError) in
                PersonalFields.masked(snapshot, try PersonalFields.redaction(for: person, of: snapshot, casework: casework))
            }
            return (cases.count, page)
        }
        return JSONResponse.make(.object([
            "total": .integer(total), "limit": .integer(limit), "offset": .integer(offset),
            "cases": .array(page.map(Rendering.caseValue)),
        ]))
    }

    func due(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = try QueryParameters(request, allowed: ["at", "horizon", "force"])
        let now = clock()
        let force = try Self.force(person, query["force"])
        let (at, horizon) = try Self.checked { () throws(WorkflowError) in
            (try Self.instant(query["at"], "at") ?? now, try Self.instant(query["horizon"], "horizon"))
        }
        let document = try await pool.run { casework throws(WorkflowError) in Box(try casework.due(at: at, horizon: horizon, force: force)) }
        return JSONResponse.make(document.value)
    }

    func report(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = try QueryParameters(request, allowed: ["force", "from", "to", "by"])
        let force = try Self.force(person, query["force"])
        let (from, to, grouping) = try Self.checked { () throws(WorkflowError) in
            func date(_ name: String) throws(WorkflowError) -> LocalDate? {
                guard let text = query[name] else { return nil }
                guard let date = LocalDate(iso: text) else { throw .badInput("\(name) is not a date; expected YYYY-MM-DD") }
                return date
            }
            let by = query["by"] ?? "all"
            guard let grouping = FigureCounter.Grouping(rawValue: by) else { throw .badInput("by \(JSONBody.short(by)) is not a grouping; expected month or force") }
            return (try date("from"), try date("to"), grouping)
        }
        let report = try await pool.run { casework throws(WorkflowError) in
            Box(try casework.figures(force: force, from: from, to: to, grouping: grouping))
        }.value
        return JSONResponse.make(.object(["groups": .array(report.groups.map { name, figures in
            .object(["group": .string(name), "figures": .object(Dictionary(report.values(figures), uniquingKeysWith: { first, _ in first }))])
        })]))
    }

    /// Every case of a force with its history, one JSON object a line (personal fields left out
    /// with `redact=true`, and always for a person without a police rank).
    func export(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try Self.person(context)
        let query = try QueryParameters(request, allowed: ["force", "redact"])
        let force = try Self.force(person, query["force"])
        let redact = try query.flag("redact") || !PersonalFields.shown(to: person)
        let lines = try await pool.run { casework throws(WorkflowError) in
            var lines: [String] = []
            try casework.export(force: force, redact: redact) { lines.append(DocumentEncoder.json($0)) }
            return lines
        }
        return JSONResponse.make(text: lines.joined(separator: "\n"), contentType: "application/x-ndjson")
    }

    // MARK: helpers

    /// The case id in the path, percent-decoded (`/cases/with%20space` is the case `with space`).
    static func caseID(_ context: ServerContext) throws -> String {
        let raw = try context.parameters.require("case")
        return raw.removingPercentEncoding ?? raw
    }

    static func person(_ context: ServerContext) throws -> AuthenticatedPerson {
        guard let person = context.person else { throw Problem.unauthorised("no bearer token; expected the header Authorization: Bearer YOUR-PERSONAL-TOKEN") }
        return person
    }

    /// A person of one force reaches only that force's cases: another force's case is answered as
    /// an unknown one (404), so which case ids exist elsewhere cannot be found out.
    static func requireCase(_ person: AuthenticatedPerson, _ snapshot: CaseSnapshot) throws(WorkflowError) {
        if person.force != snapshot.force { throw .unknownCase(snapshot.id) }
    }

    /// A person of one force acts only for that force (refused 403 otherwise).
    static func requireForce(_ person: AuthenticatedPerson, _ force: String) throws(WorkflowError) {
        if person.force != force {
            throw .refused("\(person.id) is of \(person.force), not \(force); expected your own force")
        }
    }

    /// The force a query is limited to: the person's own (another is forbidden, 403).
    static func force(_ person: AuthenticatedPerson, _ asked: String?) throws(Problem) -> String {
        if let asked, asked != person.force {
            throw Problem.forbidden("\(person.id) is of \(person.force), not \(asked); expected your own force")
        }
        return person.force
    }

    /// The role asked for; none given is the register's first, an empty one is bad input.
    static func role(_ body: JSONBody) throws(WorkflowError) -> String {
        guard let role = try body.string("role") else { return "" }
        guard !role.isEmpty else { throw .badInput("role is empty; expected a role you hold, e.g. constable, or no role for your first") }
        return role
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

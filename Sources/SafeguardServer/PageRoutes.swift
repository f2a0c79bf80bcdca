import Foundation
import Hummingbird
import SafeguardService
import WorkflowCore

/// The pages behind sign-in: the due list, the case list and a case's page. Personal fields (those
/// an event marks `personal`) are shown only to people whose register entry holds a police rank;
/// staff roles see them masked. Every page checks the session's token against the register again,
/// so a person retired or given a new token is signed out at their next page.
struct PageRoutes: Sendable {
    let pool: CaseworkPool
    let authenticator: RegisterAuthenticator
    let sessions: SessionStore
    let clock: @Sendable () -> Date

    func add(to router: Router<ServerContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/ui/due"]) }
        router.get("/ui") { _, _ in Response(status: .seeOther, headers: [.location: "/ui/due"]) }
        router.get("/ui/due") { request, _ in
            try await signedIn(request) { person, csrf in try await duePage(person, csrf) }
        }
        router.get("/ui/cases") { request, _ in
            try await signedIn(request) { person, csrf in try await casesPage(request, person, csrf) }
        }
        router.get("/ui/cases/:case") { request, context in
            let id = try APIRoutes.caseID(context)
            return try await signedIn(request) { person, csrf in try await casePage(id, person, csrf) }
        }
    }

    func signedIn(_ request: Request, _ render: (AuthenticatedPerson, String) async throws -> String) async throws -> Response {
        guard let id = request.cookies[SignInRoutes.sessionCookie]?.value, let session = sessions.session(id, at: clock()) else {
            return Response(status: .seeOther, headers: [.location: "/ui/sign-in"])
        }
        let person: AuthenticatedPerson
        do throws(WorkflowError) {
            person = try await authenticator.authenticate(bearer: session.person.token)
        } catch where error.kind == .refused {
            sessions.end(id)
            return Response(status: .seeOther, headers: [.location: "/ui/sign-in"])
        } catch {
            return Self.html(HTML.page(title: Problem(error).title, person: nil, csrf: nil, body: "<p role=\"alert\">The staff register cannot be read just now.</p>"), status: Problem(error).status)
        }
        do {
            return Self.html(try await render(person, session.csrf))
        } catch let problem as Problem {
            return Self.html(HTML.page(title: problem.title, person: person, csrf: session.csrf, body: "<p role=\"alert\">\(HTML.escape(problem.detail))</p>"), status: problem.status)
        } catch let error as WorkflowError {
            let problem = Problem(error)
            return Self.html(HTML.page(title: problem.title, person: person, csrf: session.csrf, body: "<p role=\"alert\">\(HTML.escape(problem.detail))</p>"), status: problem.status)
        }
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func duePage(_ person: AuthenticatedPerson, _ csrf: String) async throws -> String {
        let now = clock()
        let document = try await pool.run { casework throws(WorkflowError) in Box(try casework.due(at: now, horizon: nil, force: person.force)) }.value
        var rows = ""
        for (index, deadline) in document.deadlines.enumerated() {
            let status = DueDocument.status(deadline, now: now)
            let note = document.notes[index].map { "<br>\(HTML.escape($0))" } ?? ""
            rows += """
                <tr class="\(status)"><td><a href="/ui/cases/\(HTML.component(deadline.caseID))">\(HTML.escape(deadline.caseID))</a></td>
                <td>\(HTML.escape(deadline.clock))</td><td><time datetime="\(Instant.formatUTC(deadline.due))">\(HTML.escape(Instant.format(deadline.due)))</time></td>
                <td><span class="tag">\(status)</span>\(note)</td><td>\(HTML.escape(deadline.force))</td></tr>
                """
        }
        let table = document.deadlines.isEmpty ? "<p>Nothing is due.</p>" : """
            <table><caption>Deadlines, soonest first, at \(HTML.escape(Instant.format(now.addingTimeInterval(-now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)))))</caption>
            <thead><tr><th scope="col">Case</th><th scope="col">Clock</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Force</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return HTML.page(title: "Due", person: person, csrf: csrf, body: table)
    }

    func casesPage(_ request: Request, _ person: AuthenticatedPerson, _ csrf: String) async throws -> String {
        let query = request.uri.queryParameters
        let state = query["state"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let asked = query["force"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let force = try APIRoutes.force(person, asked)
        let cases = try await pool.run { casework throws(WorkflowError) in try casework.list(state: state, force: force) }
        let rows = cases.prefix(500).map { snapshot -> String in
            """
            <tr><td><a href="/ui/cases/\(HTML.component(snapshot.id))">\(HTML.escape(snapshot.id))</a></td><td>\(HTML.escape(snapshot.state))</td>
            <td>\(HTML.escape(snapshot.force))</td><td>\(HTML.escape(Instant.format(snapshot.updatedAt)))</td></tr>
            """
        }.joined()
        let body = """
            <form method="get" action="/ui/cases">
            <label for="state">State</label><input id="state" name="state" value="\(HTML.escape(state ?? ""))">
            <label for="force">Force</label><input id="force" name="force" value="\(HTML.escape(asked ?? ""))">
            <p><button type="submit">Filter</button></p></form>
            <table><caption>\(cases.count) case\(cases.count == 1 ? "" : "s")\(cases.count > 500 ? ", the first 500 shown" : "")</caption>
            <thead><tr><th scope="col">Case</th><th scope="col">State</th><th scope="col">Force</th><th scope="col">Last change</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return HTML.page(title: "Cases", person: person, csrf: csrf, body: body)
    }

    func casePage(_ id: String, _ person: AuthenticatedPerson, _ csrf: String) async throws -> String {
        let seesPersonal = PersonalFields.shown(to: person)
        let (document, history, explained, personal) = try await pool.run { casework throws(WorkflowError) in
            let document = try casework.show(id)
            try APIRoutes.requireCase(person, document.snapshot)
            let engine = try casework.engine(for: document.snapshot)
            return Box((document, try casework.history(id), try DeadlineExplanation.of(document.snapshot, casework: casework), Redaction(personalFieldsOf: engine.workflow)))
        }.value
        let snapshot = document.snapshot
        func shown(_ data: [String: Value]) -> String {
            guard !data.isEmpty else { return "" }
            return "<dl>" + data.keys.sorted().map { key -> String in
                let value = !seesPersonal && personal.fields.contains(key) ? "<em>masked (personal)</em>" : HTML.escape(Rendering.text(data[key]!))
                return "<dt>\(HTML.escape(key))</dt><dd>\(value)</dd>"
            }.joined() + "</dl>"
        }
        let timeline = history.events.map { event -> String in
            """
            <li><h3>\(event.sequence). \(HTML.escape(event.event))</h3>
            <p><time datetime="\(Instant.formatUTC(event.at))">\(HTML.escape(Instant.format(event.at)))</time> by \(HTML.escape(event.actor.id)) (\(HTML.escape(event.actor.role)))
            · \(HTML.escape(event.from ?? "opened")) → \(HTML.escape(event.to))</p>\(shown(event.data))</li>
            """
        }.joined()
        let now = clock()
        let deadlines = explained.map { item -> String in
            // A pending deadline past its time is overdue until the engine's clock records it.
            let label = item.deadline.status == .pending && item.deadline.due < now ? "overdue" : item.deadline.status.rawValue
            let days = item.days.map { day -> String in
                "<li>\(HTML.escape(day.date.spoken)): " + (day.disregarded.map { HTML.escape($0) } ?? "\(ClockHours.text(day.counted)) counted, \(ClockHours.text(day.total)) in all") + (day.note.map { " (\(HTML.escape($0)))" } ?? "") + "</li>"
            }.joined()
            return """
                <li class="\(label)"><h3>\(HTML.escape(item.deadline.clock)): <span class="tag">\(HTML.escape(label))</span></h3>
                <p>Due <time datetime="\(Instant.formatUTC(item.deadline.due))">\(HTML.escape(Instant.format(item.deadline.due)))</time>, from \(HTML.escape(Instant.format(item.deadline.startedAt))): \(HTML.escape(item.rule))\(item.tableVersion.map { ", bank holidays table \(HTML.escape($0))" } ?? "")</p>
                \(days.isEmpty ? "" : "<ol>\(days)</ol>")</li>
                """
        }.joined()
        let next = (document.nextEvents ?? []).map { name -> String in "<li>\(HTML.escape(name))</li>" }.joined()
        let body = """
            <p>\(HTML.escape(snapshot.workflow)), \(HTML.escape(snapshot.force)). State: <strong>\(HTML.escape(snapshot.state))</strong>.</p>
            <h2>Allowed next</h2>\(next.isEmpty ? "<p>None: the case is closed to further events.</p>" : "<ul>\(next)</ul>")
            <h2>Deadlines</h2>\(deadlines.isEmpty ? "<p>No deadlines.</p>" : "<ul>\(deadlines)</ul>")
            <h2>Timeline</h2><ol>\(timeline)</ol>
            \(seesPersonal ? "" : "<p>Personal fields are masked for your role.</p>")
            """
        return HTML.page(title: "Case \(snapshot.id)", person: person, csrf: csrf, body: body)
    }
}

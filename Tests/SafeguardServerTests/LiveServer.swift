import Foundation
import Hummingbird
import Logging
import SafeguardServer
import SafeguardService
import ServiceLifecycle
import WorkflowCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `safeguard serve` listening on a free loopback port over a fresh SQLite file whose staff
/// registers (set up as `safeguard init` and `staff add` do) hold five people, and a plain HTTP
/// client (no cookies kept, redirects not followed). Tests name each person's token by a nickname
/// (`pc-token`, `sup-token`, `legal-token`, `admin-token`, `wilts-token`); `request` sends the
/// real token the register issued, and any other string as it is.
final class LiveServer: @unchecked Sendable {
    /// nickname: (force, id, roles); ADM1 and WADM are each force's first administrator.
    static let people: [(String, String, String, [String])] = [
        ("pc-token", "essex", "PC1234", ["constable"]),
        ("sup-token", "essex", "SUP77", ["superintendent"]),
        ("legal-token", "essex", "LO9", ["legal_officer"]),
        ("wilts-token", "wiltshire", "PC55", ["constable"]),
    ]
    let server: SafeguardServer
    /// The tokens the registers issued, by nickname.
    let tokens: [String: String]
    let path: String
    let group: ServiceGroup
    var port = 0
    let session: URLSession
    let clock: TestClock

    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var now: Date
        init(_ now: Date) { self.now = now }
        func get() -> Date { lock.withLock { now } }
        func set(_ date: Date) { lock.withLock { now = date } }
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    init(now: String = "2026-05-24T12:00:00+01:00", workers: Int = 4, lockout: BadTokenLockout = BadTokenLockout(), trustedProxies: Set<String> = [], logger: Logger = Logger(label: "test")) async throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).sqlite").path
        let clock = TestClock(Instant.parse(now)!)
        self.clock = clock
        var configuration = Configuration(storeURL: path)
        configuration.clock = { clock.get() }
        tokens = try Self.register(configuration)
        server = try SafeguardServer(
            configuration, options: ServerOptions(port: 0, workers: workers, tickInterval: nil, trustedProxies: trustedProxies), lockout: lockout, logger: logger)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = server.application { port in continuation.yield(port) }
        group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let configuration_ = URLSessionConfiguration.ephemeral
        configuration_.httpShouldSetCookies = false
        configuration_.httpCookieAcceptPolicy = .never
        configuration_.httpMaximumConnectionsPerHost = 32
        session = URLSession(configuration: configuration_, delegate: NoRedirects(), delegateQueue: nil)
        let group = group
        Task { try await group.run() }
        for await port in stream {
            self.port = port
            break
        }
    }

    /// Sets up Essex's and Wiltshire's registers as an administrator would; returns each person's token.
    static func register(_ configuration: Configuration) throws -> [String: String] {
        let since = Instant.parse("2020-01-01T00:00:00Z")!
        var tokens: [String: String] = [:]
        let casework = try Casework(configuration)
        let essex = try casework.initialise(
            force: "essex", administrator: .init(id: "ADM1", name: "A. Admin", roles: ["constable"], validFrom: since, reason: "set up"))
        tokens["admin-token"] = essex.token
        var administrator = configuration
        administrator.token = essex.token
        let asAdministrator = try Casework(administrator)
        let wiltshire = try asAdministrator.initialise(
            force: "wiltshire", administrator: .init(id: "WADM", name: "W. Admin", validFrom: since, reason: "set up"))
        var wiltshireAdministrator = configuration
        wiltshireAdministrator.token = wiltshire.token
        for (nickname, force, id, roles) in people {
            let by = force == "essex" ? asAdministrator : try Casework(wiltshireAdministrator)
            _ = try by.addStaff(force: force, [.init(id: id, name: "Person \(id)", roles: roles, validFrom: since, reason: "joined")])
            tokens[nickname] = try by.issueToken(force: force, id: id, reason: "first token").token
        }
        return tokens
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        for file in [path, path + "-wal", path + "-shm", path + ".key"] { try? FileManager.default.removeItem(atPath: file) }
    }

    /// The real token for a nickname; anything else as given (a guess).
    func token(_ nickname: String) -> String { tokens[nickname] ?? nickname }

    /// A request; `json` is sent as the body with `Content-Type: application/json`.
    func request(_ method: String, _ path: String, token: String? = nil, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(self.token(token))", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// Fires an event as the token's holder.
    func fire(_ caseID: String, _ event: String, at: String, token: String, data: [String: Any] = [:], id: String? = nil, role: String? = nil) async throws -> Reply {
        var body: [String: Any] = ["event": event, "at": at, "data": data]
        if let id { body["id"] = id }
        if let role { body["role"] = role }
        return try await request("POST", "/cases/\(caseID)/events", token: token, json: body)
    }

    nonisolated(unsafe) static let incident: [String: Any] = ["perpetrator_dob": "1988-02-14", "relationship": "cohabitant", "violence": "used"]
    nonisolated(unsafe) static let authorisation: [String: Any] = [
        "grounds": "assault", "victim_opinion": "wants him kept away", "children_welfare": "none in household",
        "perpetrator_representations": "none made", "premises_conditions": false,
    ]

    /// Opens C1 (Essex) at 22:10 on 23 May 2026, authorises and serves the notice.
    func servedCase(_ id: String = "C1") async throws {
        let opened = try await request("POST", "/cases", token: "pc-token", json: ["id": id, "workflow": "dvpo", "at": "2026-05-23T22:10:00+01:00", "data": Self.incident])
        precondition(opened.status == 201, opened.text)
        let authorised = try await fire(id, "authorise_notice", at: "2026-05-24T01:30:00+01:00", token: "sup-token", data: Self.authorisation)
        precondition(authorised.status == 201, authorised.text)
        let served = try await fire(id, "serve_notice", at: "2026-05-24T09:15:00+01:00", token: "pc-token", data: ["hearing_address": "4 Mill Lane, Colchester"])
        precondition(served.status == 201, served.text)
    }

    /// The store's chain, checked as `safeguard verify` checks it.
    func verify() throws -> (events: Int, problems: [String]) {
        let result = try Casework(Configuration(storeURL: path), access: .readOnly).verify(caseID: nil)
        return (result.events, result.problems)
    }
}

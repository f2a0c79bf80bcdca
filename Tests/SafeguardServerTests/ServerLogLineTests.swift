import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

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

import Foundation
import GRDB
import Storage
import Testing
import WorkflowCore

@Suite("The SQLite store")
struct SQLiteCaseStoreTests {
    /// Given a fresh in-memory database.
    let store = try! StoreFixtures.store(SQLiteCaseStore(writer: DatabaseQueue()))

    func record(_ request: TransitionRequest, on store: SQLiteCaseStore? = nil) throws -> RecordOutcome {
        try (store ?? self.store).record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            try StoreFixtures.engine.transition(current, request)
        }
    }

    @Test func recordsTheEventAndTheSnapshotTogether() throws {
        // When a case is opened and an event fired
        _ = try record(StoreFixtures.request("open", n: 1))
        _ = try record(StoreFixtures.request("note", n: 2, second: 60))
        // Then the snapshot and the history agree
        let snapshot = try #require(try store.snapshot("C1"))
        #expect(snapshot.version == 2)
        #expect(snapshot.data == ["n": 2])
        let history = try store.history("C1")
        #expect(history.map(\.event) == ["open", "note"])
        #expect(history.map(\.sequence) == [1, 2])
        #expect(history[1].from == "active" && history[1].to == "active")
        #expect(try store.list(state: "active", force: nil).map(\.id) == ["C1"])
        #expect(try store.list(state: nil, force: "other").isEmpty)
    }

    @Test func aRefusedDecisionWritesNothing() throws {
        _ = try record(StoreFixtures.request("open", n: 1))
        #expect(throws: WorkflowError.self) { try record(StoreFixtures.request("nonsense", n: 2)) }
        #expect(try store.history("C1").count == 1)
        #expect(try store.snapshot("C1")?.version == 1)
    }

    @Test func anEventIDAlreadyRecordedChangesNothing() throws {
        _ = try record(StoreFixtures.request("open", n: 1, eventID: "E1"))
        let again = try record(StoreFixtures.request("open", n: 1, eventID: "E1"))
        guard case .alreadyRecorded(let existing) = again else {
            Issue.record("expected alreadyRecorded, got \(again)")
            return
        }
        #expect(existing.sequence == 1)
        #expect(try store.history("C1").count == 1)
    }

    @Test func theEventLogIsAppendOnly() throws {
        _ = try record(StoreFixtures.request("open", n: 1))
        #expect(throws: DatabaseError.self) { try store.writer.write { try $0.execute(sql: "UPDATE event SET name = 'x'") } }
        #expect(throws: DatabaseError.self) { try store.writer.write { try $0.execute(sql: "DELETE FROM event") } }
        #expect(try store.history("C1").map(\.event) == ["open"])
    }

    @Test func keepsProcedureSourcesByHash() throws {
        let sources = [ScriptSource(path: "Workflows/w.lua", text: "-- w")]
        try store.storeProcedure(hash: "h", sources: sources)
        try store.storeProcedure(hash: "h", sources: sources)
        #expect(try store.procedureSources("h") == sources)
        #expect(ProcedureHash.of(sources) != ProcedureHash.of([ScriptSource(path: "Workflows/w.lua", text: "-- w2")]))
        #expect(ProcedureHash.of(sources).count == 64)
    }

    @Test func aFileReopenedShowsTheSameCaseAndIsReadableByItsOwnerOnly() throws {
        let path = StoreFixtures.temporaryPath()
        do {
            let first = try StoreFixtures.store(SQLiteCaseStore(path: path))
            _ = try record(StoreFixtures.request("open", n: 7), on: first)
        }
        let reopened = try SQLiteCaseStore(path: path)
        #expect(try reopened.snapshot("C1")?.data == ["n": 7])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let mode = try reopened.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func twoWritersOnOneCaseNeverLoseAnUpdate() throws {
        // Given one case in a file, and two connections to it
        let path = StoreFixtures.temporaryPath()
        let a = try StoreFixtures.store(SQLiteCaseStore(path: path))
        let b = try SQLiteCaseStore(path: path)
        _ = try record(StoreFixtures.request("open", n: 0), on: a)
        // When each fires 25 events on the same case at the same time
        let errors = NSLock()
        nonisolated(unsafe) var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = writer == 0 ? a : b
            for i in 1...25 {
                do {
                    _ = try store.record(caseID: "C1", eventID: "w\(writer)-\(i)") { current throws(WorkflowError) in
                        try StoreFixtures.engine.transition(current, StoreFixtures.request("note", n: i, second: 1))
                    }
                } catch {
                    errors.withLock { failures.append("\(error)") }
                }
            }
        }
        // Then every event is recorded once, in sequence, and the snapshot counts them all
        #expect(failures.isEmpty)
        let history = try a.history("C1")
        #expect(history.count == 51)
        #expect(history.map(\.sequence) == Array(1...51))
        #expect(try b.snapshot("C1")?.version == 51)
    }
}

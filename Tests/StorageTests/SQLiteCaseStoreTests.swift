import Foundation
import GRDB
import Ledger
@testable import Storage
import Testing
import WorkflowCore

@Suite("The SQLite store")
struct SQLiteCaseStoreTests {
    /// Given a fresh in-memory database.
    let store = try! StoreFixtures.store(SQLiteCaseStore.inMemory())

    func record(_ request: TransitionRequest, on store: SQLiteCaseStore? = nil) throws -> RecordOutcome {
        try (store ?? self.store).record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            try StoreFixtures.engine.transition(current, request)
        }
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

}

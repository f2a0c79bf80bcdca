import Foundation
import GRDB
import Ledger
import Testing
import WorkflowCore

@testable import Storage

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

    @Test func commitsAreDurableByDefaultAndNormalOnlyWhenAsked() throws {
        let full = try SQLiteCaseStore(path: StoreFixtures.temporaryPath())
        #expect(try full.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
        let normal = try SQLiteCaseStore(path: StoreFixtures.temporaryPath(), options: StoreOptions(durability: .normal))
        #expect(try normal.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 1)
    }

    @Test func aLongBatchGivesTheWriteLockBackBetweenTransactions() throws {
        // Given a store whose batches may hold the write lock for no time at all
        let path = StoreFixtures.temporaryPath()
        var options = StoreOptions()
        options.maxTransactionSeconds = 0
        let store = try StoreFixtures.store(SQLiteCaseStore(path: path, options: options))
        let reader = try SQLiteCaseStore(path: path, options: StoreOptions(access: .readOnly))
        // When a batch of three is recorded, the second item looks from another connection
        nonisolated(unsafe) var seenBySecond: Int?
        let requests = (1...3).map { StoreFixtures.request("open", case: "B\($0)", n: $0) }
        let outcomes = try store.recordBatch(
            requests.enumerated().map { index, request in
                BatchItem(caseID: request.caseID, eventID: nil) { current throws(WorkflowError) in
                    if index == 1 { seenBySecond = try? reader.list(state: nil, force: nil).count }
                    return try StoreFixtures.engine.transition(current, request)
                }
            })
        // Then the first was already committed (visible to others) when the second was decided
        #expect(outcomes.count == 3)
        #expect(seenBySecond == 1)
        #expect(try store.list(state: nil, force: nil).count == 3)
    }
}

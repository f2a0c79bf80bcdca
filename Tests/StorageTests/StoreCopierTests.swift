import Foundation
import Ledger
import PostgresStore
import Storage
import Stores
import Testing
import WorkflowCore

/// `safeguard copy` moves the whole record: events with their MACs and the staff register's own
/// chain, so the copy reads back the same checkpoint and verifies under the same keys.
@Suite("Copying a store")
struct StoreCopierTests {
    /// Where a copy may go: another SQLite file, and PostgreSQL when a test server is running.
    static var targets: [StoreKind] { [.sqliteFile] + (TestPostgres.url == nil ? [] : [.postgres]) }

    @Test(arguments: targets)
    func aKeyedStoreWithAStaffRegisterCopiesWholeAndVerifiesUnderItsKeys(target: StoreKind) throws {
        // Given a keyed SQLite file with a staff register and three events
        let keys = ChainKeys(current: .generate())
        var options = StoreOptions()
        options.keys = keys
        let sourcePath = StoreFixtures.temporaryPath()
        let source = try SQLiteCaseStore(path: sourcePath, options: options)
        try source.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
        let t0 = Instant.parse("2020-01-01T00:00:00Z")!
        _ = try source.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in
            [
                RegisterChange(
                    force: "essex", sequence: 1, kind: .add,
                    entry: StaffEntry(id: "ADM1", name: "N", force: "essex", roles: ["administrator"], validFrom: t0),
                    effective: t0, by: "ADM1", reason: "test", recordedAt: t0)
            ]
        }
        for n in 1...3 {
            _ = try source.record(caseID: "C1", eventID: nil) { current throws(WorkflowError) in
                try StoreFixtures.engine.transition(current, StoreFixtures.request(n == 1 ? "open" : "note", n: n, second: n))
            }
        }
        let url: String
        switch target {
        case .postgres: url = try TestPostgres.freshDatabase()
        default: url = "sqlite:" + StoreFixtures.temporaryPath()
        }
        // When it is copied
        let summary = try StoreCopier.copy(from: "sqlite:" + sourcePath, to: url, keys: keys)
        // Then the copy holds the same checkpoint (events and register) and every MAC checks under the keys
        options.keys = keys
        let copy = try StoreFactory.open(url, options: options)
        #expect(summary.events == 3 && summary.cases == 1)
        #expect(try copy.chainHead() == (try source.chainHead()))
        #expect(try copy.chainHead().registerChanges == 1)
        #expect(try copy.registerChanges(force: "essex").map(\.entry.id) == ["ADM1"])
        #expect(try copy.verifyChain(caseID: nil, checkpoint: try source.chainHead()).problems == [])
    }
}

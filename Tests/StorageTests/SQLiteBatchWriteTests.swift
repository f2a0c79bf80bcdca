import Foundation
import GRDB
import Testing
import WorkflowCore

/// A batch writes each case's snapshot row once, however many of its events the batch holds.
@Suite("SQLite: snapshot rows written once per case per batch")
struct SQLiteBatchWriteTests {
    @Test func aBatchWritesEachCasesSnapshotRowOnce() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.sqliteFile(path)
        // Given a counter of writes to the snapshot rows, kept in the file by triggers
        let watcher = try DatabaseQueue(path: path)
        try watcher.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE snapshot_write (id TEXT);
                    CREATE TRIGGER snapshot_inserted AFTER INSERT ON case_snapshot BEGIN INSERT INTO snapshot_write VALUES (new.id); END;
                    CREATE TRIGGER snapshot_updated AFTER UPDATE ON case_snapshot BEGIN INSERT INTO snapshot_write VALUES (new.id); END;
                    """)
        }
        // When one batch holds four events on A and two on B
        let requests = [
            StoreFixtures.request("open", case: "A", n: 1),
            StoreFixtures.request("note", case: "A", n: 2, second: 1),
            StoreFixtures.request("open", case: "B", n: 3, second: 2),
            StoreFixtures.request("note", case: "A", n: 4, second: 3),
            StoreFixtures.request("note", case: "B", n: 5, second: 4),
            StoreFixtures.request("note", case: "A", n: 6, second: 5),
        ]
        let outcomes = try store.recordBatch(
            requests.map { request in
                BatchItem(caseID: request.caseID, eventID: nil) { current throws(WorkflowError) in try StoreFixtures.engine.transition(current, request) }
            })
        #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
        // Then each case's row was written once, as its last event left it
        let writes = try watcher.read { db in try String.fetchAll(db, sql: "SELECT id FROM snapshot_write ORDER BY id") }
        #expect(writes == ["A", "B"])
        #expect(try store.snapshot("A")?.version == 4)
        #expect(try store.snapshot("B")?.data == ["n": 5])
        #expect(try store.verifyChain(caseID: nil).events == 6)
    }
}

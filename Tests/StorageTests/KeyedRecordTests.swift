import Foundation
import GRDB
import Ledger
import Testing
import WorkflowCore

@testable import Storage

/// Someone with the database file but not the key edits rows and recomputes every SHA-256 after
/// them, as sqlite3 and a script would: the MACs under the key name each rewritten row.
@Suite("The keyed record")
struct KeyedRecordTests {
    let keys = ChainKeys(current: .generate())

    func populated() throws -> SQLiteCaseStore {
        var options = StoreOptions()
        options.keys = keys
        let store = try StoreFixtures.store(SQLiteCaseStore(path: StoreFixtures.temporaryPath(), options: options))
        for (id, n) in [("C1", 1), ("C1", 2), ("C2", 1), ("C1", 3)] {
            _ = try store.record(caseID: id, eventID: nil) { current throws(WorkflowError) in
                try StoreFixtures.engine.transition(current, StoreFixtures.request(n == 1 ? "open" : "note", case: id, n: n, second: n))
            }
        }
        return store
    }

    /// Rewrites event rows through `edit`, then recomputes every hash from the first changed row
    /// on and the chain's head, so the unkeyed chain is whole again.
    func rewrite(_ store: SQLiteCaseStore, _ edit: String) throws {
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update; DROP TRIGGER event_append_only_delete;")
            try db.execute(sql: edit)
            var previous = ""
            var count = 0
            for row in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY position") {
                let event = try SQLiteCaseStore.recordedEvent(row)
                let hash = EventHash.of(event, after: previous)
                try db.execute(sql: "UPDATE event SET prev_hash = ?, hash = ? WHERE position = ?", arguments: [previous, hash, row["position"] as Int64])
                previous = hash
                count += 1
            }
            try db.execute(sql: "UPDATE chain_head SET hash = ?, events = ? WHERE id = 1", arguments: [previous, count])
        }
    }

    @Test func anIntactKeyedRecordVerifies() throws {
        #expect(try populated().verifyChain(caseID: nil).problems == [])
    }

    @Test func anEditedAndRehashedEventIsNamedByItsMAC() throws {
        let store = try populated()
        try rewrite(store, "UPDATE event SET data = '{\"n\":99}' WHERE case_id = 'C1' AND sequence = 2")
        // Without the key the chain looks whole (only the dropped triggers show): that is what the key is for
        #expect(
            try SQLiteCaseStore(path: store.writer.path).verifyChain(caseID: nil).problems == [
                "the trigger event_append_only_update is missing; the log was made editable behind the engine's back",
                "the trigger event_append_only_delete is missing; the log was made editable behind the engine's back",
                "the events carry MACs, but no key was given, so they were not checked; expected the store's key file (SAFEGUARD_KEY_FILE, default the database's path with .key added)",
            ])
        let problems = try store.verifyChain(caseID: nil).problems
        #expect(problems.contains("case C1, event 2 (note): its MAC does not match its hash; it was rewritten behind the engine's back"))
        // Every later event's hash changed with it, so each is named too
        #expect(problems.contains("case C2, event 1 (open): its MAC does not match its hash; it was rewritten behind the engine's back"))
        #expect(!problems.contains { $0.hasPrefix("case C1, event 1 ") })
    }

    @Test func aDeletedInsertedOrReorderedEventIsNamedEvenWhenRehashed() throws {
        let deleted = try populated()
        try rewrite(deleted, "DELETE FROM event WHERE case_id = 'C2'")
        #expect(
            try deleted.verifyChain(caseID: nil).problems.contains(
                "case C1, event 3 (note): its MAC does not match its hash; it was rewritten behind the engine's back"))

        let inserted = try populated()
        try rewrite(
            inserted,
            """
            INSERT INTO event (case_id, sequence, name, from_state, to_state, at, recorded_at, actor_id, actor_role, data, changes, guards, procedure, engine_version)
            SELECT case_id, 4, name, from_state, to_state, at, recorded_at, actor_id, actor_role, '{"n":4}', changes, guards, procedure, engine_version
            FROM event WHERE case_id = 'C1' AND sequence = 3
            """)
        #expect(
            try inserted.verifyChain(caseID: nil).problems.contains(
                "case C1, event 4 (note): it carries no MAC under the record's key; it was written behind the engine's back"))

        let reordered = try populated()
        try rewrite(
            reordered,
            """
            UPDATE event SET position = -2 WHERE position = 2;
            UPDATE event SET position = 2 WHERE position = 3;
            UPDATE event SET position = 3 WHERE position = -2;
            """)
        #expect(
            try reordered.verifyChain(caseID: nil).problems.contains(
                "case C2, event 1 (open): its MAC does not match its hash; it was rewritten behind the engine's back"))
    }

    @Test func anEditedAndRehashedRegisterChangeIsNamed() throws {
        let store = try populated()
        let t0 = Instant.parse("2020-01-01T00:00:00Z")!
        _ = try store.recordRegisterChanges(force: "f") { _ throws(WorkflowError) in
            [
                RegisterChange(
                    force: "f", sequence: 1, kind: .add, entry: StaffEntry(id: "PC1", name: "N", force: "f", roles: ["constable"], validFrom: t0),
                    effective: t0, by: "ADM1", reason: "r", recordedAt: t0)
            ]
        }
        #expect(try store.verifyChain(caseID: nil).problems == [])
        // Promote PC1 to superintendent in the stored text and recompute its hash
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER register_append_only_update")
            let text = try String.fetchOne(db, sql: "SELECT change FROM register_change")!.replacingOccurrences(of: "\"constable\"", with: "\"superintendent\"")
            let forged = try RegisterChange(canonicalText: text, previousHash: "", hash: "")
            try db.execute(sql: "UPDATE register_change SET change = ?, hash = ?", arguments: [text, RegisterHash.of(forged, after: "")])
        }
        #expect(
            try store.verifyChain(caseID: nil).problems == [
                "the trigger register_append_only_update is missing; the log was made editable behind the engine's back",
                "register of f, change 1 (add PC1): its MAC does not match its hash; it was rewritten behind the engine's back",
            ])
    }
}

internal import GRDB
import Ledger
import WorkflowCore

/// The database's tables, created and changed only by numbered migrations.
///
/// - `procedure`: the scripts of every procedure version, by hash.
/// - `case_snapshot`: one row a case, the case as it stands after its latest event.
/// - `event`: the append-only log; triggers refuse updates and deletes.
/// - `deadline_index`: each case's open deadlines, by due time, rewritten with its snapshot.
/// - `chain_head`: the hash of the latest event and how many there are, so a deleted tail shows.
/// - `register_change`: the staff registers' changes, hash-chained and append-only.
/// - `refused_event`: event ids whose transition was refused, with the reason (no case changes).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, events, procedures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE procedure (
                        hash TEXT PRIMARY KEY NOT NULL,
                        sources TEXT NOT NULL
                    );
                    CREATE TABLE case_snapshot (
                        id TEXT PRIMARY KEY NOT NULL,
                        workflow TEXT NOT NULL,
                        force TEXT NOT NULL,
                        state TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        procedure TEXT NOT NULL REFERENCES procedure(hash),
                        opened_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        snapshot TEXT NOT NULL
                    );
                    CREATE INDEX case_snapshot_state ON case_snapshot(state);
                    CREATE INDEX case_snapshot_force ON case_snapshot(force);
                    CREATE TABLE event (
                        position INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id TEXT NOT NULL REFERENCES case_snapshot(id),
                        sequence INTEGER NOT NULL,
                        event_id TEXT UNIQUE,
                        name TEXT NOT NULL,
                        from_state TEXT,
                        to_state TEXT NOT NULL,
                        at TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        actor_id TEXT NOT NULL,
                        actor_role TEXT NOT NULL,
                        data TEXT NOT NULL,
                        changes TEXT NOT NULL,
                        guards TEXT NOT NULL,
                        procedure TEXT NOT NULL,
                        UNIQUE (case_id, sequence)
                    );
                    CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                    CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v2: deadline index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE deadline_index (
                        case_id TEXT NOT NULL REFERENCES case_snapshot(id),
                        clock TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        due_at TEXT NOT NULL,
                        status TEXT NOT NULL,
                        workflow TEXT NOT NULL,
                        force TEXT NOT NULL,
                        PRIMARY KEY (case_id, clock, started_at)
                    );
                    CREATE INDEX deadline_index_due ON deadline_index(due_at);
                    """)
            for text in try String.fetchAll(db, sql: "SELECT snapshot FROM case_snapshot") {
                try SQLiteCaseStore.index(try CaseSnapshot(canonicalText: text), db)
            }
        }
        migrator.registerMigration("v3: hash chain, table and engine versions") { db in
            try db.execute(
                sql: """
                    ALTER TABLE event ADD COLUMN table_version TEXT;
                    ALTER TABLE event ADD COLUMN engine_version TEXT NOT NULL DEFAULT '';
                    ALTER TABLE event ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
                    ALTER TABLE event ADD COLUMN hash TEXT NOT NULL DEFAULT '';
                    CREATE TABLE chain_head (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        hash TEXT NOT NULL,
                        events INTEGER NOT NULL
                    );
                    INSERT INTO chain_head (id, hash, events) VALUES (1, '', 0);
                    """)
            // Chain any events written before this version, in log order.
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY position")
            guard !rows.isEmpty else { return }
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            var previous = ""
            for row in rows {
                let event = try SQLiteCaseStore.recordedEvent(row)
                let hash = EventHash.of(event, after: previous)
                try db.execute(
                    sql: "UPDATE event SET prev_hash = ?, hash = ?, engine_version = ? WHERE position = ?",
                    arguments: [previous, hash, event.engineVersion, row["position"] as Int64])
                previous = hash
            }
            try db.execute(sql: "UPDATE chain_head SET hash = ?, events = ? WHERE id = 1", arguments: [previous, rows.count])
            try db.execute(
                sql: """
                    CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v4: deadline index by status") { db in
            try db.execute(sql: "CREATE INDEX deadline_index_status ON deadline_index(status)")
        }
        migrator.registerMigration("v5: refused event ids") { db in
            // Not part of any case's history: the ids whose transition was refused, and why, so the
            // same id is refused the same way when a batch is run again.
            try db.execute(
                sql: """
                    CREATE TABLE refused_event (
                        event_id TEXT PRIMARY KEY NOT NULL,
                        case_id TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        refused_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v6: staff register, authenticated actors, keyed record") { db in
            // The staff register's changes: a hash chain of its own (RegisterHash), append-only.
            try db.execute(
                sql: """
                    CREATE TABLE register_change (
                        position INTEGER PRIMARY KEY AUTOINCREMENT,
                        force TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        change TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        mac TEXT,
                        UNIQUE (force, sequence)
                    );
                    CREATE TRIGGER register_append_only_update BEFORE UPDATE ON register_change
                    BEGIN SELECT RAISE(ABORT, 'the staff register is append-only'); END;
                    CREATE TRIGGER register_append_only_delete BEFORE DELETE ON register_change
                    BEGIN SELECT RAISE(ABORT, 'the staff register is append-only'); END;
                    ALTER TABLE event ADD COLUMN actor_authentication TEXT;
                    ALTER TABLE event ADD COLUMN actor_register_version TEXT;
                    ALTER TABLE event ADD COLUMN mac TEXT;
                    """)
        }
        return migrator
    }
}

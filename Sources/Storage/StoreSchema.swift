import GRDB
import WorkflowCore

/// The database's tables, created and changed only by numbered migrations.
///
/// - `procedure`: the scripts of every procedure version, by hash.
/// - `case_snapshot`: one row a case, the case as it stands after its latest event.
/// - `event`: the append-only log; triggers refuse updates and deletes.
/// - `deadline_index`: each case's open deadlines, by due time, rewritten with its snapshot.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, events, procedures") { db in
            try db.execute(sql: """
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
            try db.execute(sql: """
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
                try SQLiteCaseStore.index(try StoreCoding.value(CaseSnapshot.self, from: text), db)
            }
        }
        return migrator
    }
}

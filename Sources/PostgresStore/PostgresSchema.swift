import PostgresNIO
import WorkflowCore

/// The database's tables, created and changed only by numbered migrations recorded in
/// `safeguard_migration`. Migrations run under a session advisory lock, so processes starting
/// together on a new database migrate it once. The same tables as the SQLite store:
///
/// - `procedure`: the scripts of every procedure version, by hash.
/// - `case_snapshot`: one row a case, the case as it stands after its latest event.
/// - `event`: the append-only log (triggers refuse UPDATE, DELETE and TRUNCATE); `position` is
///   the event's place in the hash chain, given under the lock on `chain_head`, so it has no gaps.
/// - `deadline_index`: each case's open deadlines, by due time, rewritten with its snapshot.
///
/// Ids, hashes and instants are compared and ordered byte by byte (`COLLATE "C"`), as SQLite does,
/// whatever the database's locale, so listings come out in the same order from either store.
/// - `chain_head`: the hash of the latest event and how many there are; its row lock is what
///   serialises appends to the one global chain.
/// - `refused_event`: event ids whose transition was refused, with the reason (no case changes).
/// - `register_change`: the staff registers' changes, a hash chain of their own, append-only by
///   trigger; appends are serialised by a transaction-scoped advisory lock (`registerLock`).
enum PostgresSchema {
    /// The advisory lock key held while migrating ("safeguard" in ASCII, truncated).
    static let migrationLock: Int64 = 0x7361_6665_6775_6172
    /// The advisory lock key held while appending to the staff register's chain ("register" in ASCII).
    static let registerLock: Int64 = 0x7265_6769_7374_6572

    static let migrations: [(version: Int, name: String, sql: [PostgresQuery])] = [
        (
            1, "cases, events, procedures, deadline index, hash chain",
            [
                """
                CREATE TABLE procedure (
                    hash TEXT COLLATE "C" PRIMARY KEY,
                    sources TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE case_snapshot (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    workflow TEXT NOT NULL,
                    force TEXT NOT NULL,
                    state TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    procedure TEXT NOT NULL REFERENCES procedure(hash),
                    opened_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    snapshot TEXT NOT NULL
                )
                """,
                "CREATE INDEX case_snapshot_state ON case_snapshot(state)",
                "CREATE INDEX case_snapshot_force ON case_snapshot(force)",
                """
                CREATE TABLE event (
                    position BIGINT PRIMARY KEY,
                    case_id TEXT COLLATE "C" NOT NULL REFERENCES case_snapshot(id),
                    sequence BIGINT NOT NULL,
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
                    table_version TEXT,
                    engine_version TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    UNIQUE (case_id, sequence)
                )
                """,
                """
                CREATE FUNCTION safeguard_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the event log is append-only'; END $$
                """,
                """
                CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
                FOR EACH ROW EXECUTE FUNCTION safeguard_event_append_only()
                """,
                """
                CREATE TRIGGER event_append_only_truncate BEFORE TRUNCATE ON event
                FOR EACH STATEMENT EXECUTE FUNCTION safeguard_event_append_only()
                """,
                """
                CREATE TABLE deadline_index (
                    case_id TEXT COLLATE "C" NOT NULL REFERENCES case_snapshot(id),
                    clock TEXT COLLATE "C" NOT NULL,
                    started_at TEXT NOT NULL,
                    due_at TEXT COLLATE "C" NOT NULL,
                    status TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    force TEXT NOT NULL,
                    PRIMARY KEY (case_id, clock, started_at)
                )
                """,
                "CREATE INDEX deadline_index_due ON deadline_index(due_at)",
                "CREATE INDEX deadline_index_missed ON deadline_index(status) WHERE status = 'missed'",
                """
                CREATE TABLE chain_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    hash TEXT NOT NULL,
                    events BIGINT NOT NULL
                )
                """,
                "INSERT INTO chain_head (id, hash, events) VALUES (1, '', 0)",
            ]
        ),
        (
            2, "refused event ids, staff register, authenticated actors, keyed record",
            [
                """
                CREATE TABLE refused_event (
                    event_id TEXT COLLATE "C" PRIMARY KEY,
                    case_id TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    refused_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE register_change (
                    position BIGSERIAL PRIMARY KEY,
                    force TEXT COLLATE "C" NOT NULL,
                    sequence BIGINT NOT NULL,
                    change TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    mac TEXT,
                    UNIQUE (force, sequence)
                )
                """,
                """
                CREATE FUNCTION safeguard_register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the staff register is append-only'; END $$
                """,
                """
                CREATE TRIGGER register_append_only BEFORE UPDATE OR DELETE ON register_change
                FOR EACH ROW EXECUTE FUNCTION safeguard_register_append_only()
                """,
                """
                CREATE TRIGGER register_append_only_truncate BEFORE TRUNCATE ON register_change
                FOR EACH STATEMENT EXECUTE FUNCTION safeguard_register_append_only()
                """,
                "ALTER TABLE event ADD COLUMN actor_authentication TEXT",
                "ALTER TABLE event ADD COLUMN actor_register_version TEXT",
                "ALTER TABLE event ADD COLUMN mac TEXT",
            ]
        ),
    ]

    /// Brings the database up to the latest migration.
    static func migrate(_ session: PostgresSession) throws(WorkflowError) {
        let what = "prepare the PostgreSQL database \(session.location)"
        try session.exclusive { () throws(WorkflowError) in
            try session.rows("SELECT pg_advisory_lock(\(migrationLock))", doing: what)
            defer { _ = try? session.rows("SELECT pg_advisory_unlock(\(migrationLock))", doing: what) }
            try session.rows(
                "CREATE TABLE IF NOT EXISTS safeguard_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                doing: what)
            var applied = 0
            for row in try session.rows("SELECT coalesce(max(version), 0) FROM safeguard_migration", doing: what) {
                applied = (try? row.makeRandomAccess()[0].decode(Int.self)) ?? 0
            }
            for migration in migrations where migration.version > applied {
                try session.transaction(doing: what) { () throws(WorkflowError) in
                    for statement in migration.sql { try session.rows(statement, doing: what) }
                    try session.rows(
                        "INSERT INTO safeguard_migration (version, name) VALUES (\(migration.version), \(migration.name))", doing: what)
                }
            }
        }
    }
}

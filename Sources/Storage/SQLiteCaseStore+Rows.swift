import Foundation
internal import GRDB
import Ledger
import WorkflowCore

/// Reading and writing the rows behind `SQLiteCaseStore`.
extension SQLiteCaseStore {
    static func snapshot(_ id: String, _ db: Database) throws -> CaseSnapshot? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT snapshot FROM case_snapshot WHERE id = ?"), arguments: [id])
            .map { text throws(WorkflowError) in try CaseSnapshot(canonicalText: text) }
    }

    /// The snapshot's version alone: cheap, to check a remembered snapshot is still current.
    static func version(_ id: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM case_snapshot WHERE id = ?"), arguments: [id])
    }

    /// Why an event id was refused when first tried, if it was: a refused id stays refused, so a
    /// re-run of the same input gives what the first run gave.
    static func refusal(eventID: String, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT reason FROM refused_event WHERE event_id = ?"), arguments: [eventID])
    }

    static func rememberRefusal(eventID: String, caseID: String, reason: String, at: Date, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO refused_event (event_id, case_id, reason, refused_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(event_id) DO NOTHING
                """
        ).execute(arguments: [eventID, caseID, reason, Instant.formatUTC(at)])
    }

    /// Whether an event id is recorded, or was refused, or neither (nil): one prepared statement
    /// asked for every line applied, and nearly always answered nil. It reads one number, not a
    /// row: GRDB makes a dictionary of the lower-cased column names for every query that reads
    /// rows, which for the event table's columns was most of the look-up's cost.
    static func eventIDUse(_ eventID: String, _ db: Database) throws -> EventIDUse? {
        let statement = try db.cachedStatement(
            sql: "SELECT COALESCE((SELECT 1 FROM event WHERE event_id = ?1), (SELECT 2 FROM refused_event WHERE event_id = ?1))")
        return try Int.fetchOne(statement, arguments: [eventID]).flatMap(EventIDUse.init(rawValue:))
    }

    static func event(withID eventID: String, _ db: Database) throws -> RecordedEvent? {
        // Asked when `eventIDUse` found the id recorded: the columns are found only for a row.
        let statement = try db.cachedStatement(sql: "SELECT * FROM event WHERE event_id = ?")
        return try Row.fetchOne(statement, arguments: [eventID]).map { try recordedEvent($0, EventColumns(statement)) }
    }

    /// Puts the case's row as it stands (inserted, or replacing the one stored).
    static func writeSnapshot(_ snapshot: CaseSnapshot, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO case_snapshot (id, workflow, force, state, version, procedure, opened_at, updated_at, snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET state = excluded.state, version = excluded.version,
                    procedure = excluded.procedure, updated_at = excluded.updated_at, snapshot = excluded.snapshot
                """
        ).execute(arguments: [
            snapshot.id, snapshot.workflow, snapshot.force, snapshot.state, snapshot.version, snapshot.procedure,
            Instant.formatUTC(snapshot.openedAt), Instant.formatUTC(snapshot.updatedAt),
            snapshot.canonicalText,
        ])
    }

    /// The chain's head as stored: the hash of the latest event ("" before the first).
    static func head(_ db: Database) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM chain_head WHERE id = 1")) ?? ""
    }

    /// Moves the chain's head to `hash`, `count` events on.
    static func moveHead(to hash: String, by count: Int, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE chain_head SET hash = ?, events = events + ? WHERE id = 1").execute(arguments: [hash, count])
    }

    /// Appends an event to the chain, hashed after the head, with the MAC `mac` gives for its hash
    /// (the current key's, or for a copy the one it was stored with), and moves the head.
    static func append(_ event: RecordedEvent, mac: (_ hash: String) -> String?, _ db: Database) throws {
        let hash = try insert(event, after: try head(db), mac: mac, db)
        try moveHead(to: hash, by: 1, db)
    }

    /// Inserts an event's row, hashed after `previous`, and returns its hash; the head is the caller's to move.
    static func insert(_ event: RecordedEvent, after previous: String, mac: (_ hash: String) -> String?, _ db: Database) throws -> String {
        // Encoded once: the hash is over these bytes, and the JSON columns are cut from them.
        let canonical = CanonicalEvent(event)
        let hash = canonical.hash(after: previous)
        try db.cachedStatement(
            sql: """
                INSERT INTO event (case_id, sequence, event_id, name, from_state, to_state, at, recorded_at,
                    actor_id, actor_role, data, changes, guards, procedure, table_version, engine_version, prev_hash, hash,
                    actor_authentication, actor_register_version, mac)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            event.caseID, event.sequence, event.eventID, event.event, event.from, event.to,
            Instant.formatUTC(event.at), Instant.formatUTC(event.recordedAt), event.actor.id, event.actor.role,
            canonical.data, canonical.changes, canonical.guards, event.procedure, event.tableVersion,
            event.engineVersion, previous, hash, event.actor.authentication, event.actor.registerVersion,
            mac(hash),
        ])
        return hash
    }

    /// Rewrites the case's rows in the deadline index from its snapshot.
    static func index(_ snapshot: CaseSnapshot, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM deadline_index WHERE case_id = ?").execute(arguments: [snapshot.id])
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO deadline_index (case_id, clock, started_at, due_at, status, workflow, force)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for open in OpenDeadline.of(snapshot) {
            try insert.execute(arguments: [
                open.caseID, open.clock, Instant.formatUTC(open.startedAt), Instant.formatUTC(open.due),
                open.status.rawValue, open.workflow, open.force,
            ])
        }
    }

    /// The columns `openDeadline` reads, in the order it reads them (by index: by name, GRDB
    /// compares lower-cased names for each column of each row, which `due` prints by the thousand).
    static let deadlineColumns = "case_id, workflow, force, clock, started_at, due_at, status"

    static func openDeadline(_ row: Row) throws -> OpenDeadline {
        func instant(_ index: Int, _ column: String) throws -> Date {
            guard let text: String = row[index], let date = Instant.parse(text) else {
                throw WorkflowError.storage("the deadline index has a malformed \(column); expected an ISO 8601 instant")
            }
            return date
        }
        return OpenDeadline(
            caseID: row[0], workflow: row[1], force: row[2], clock: row[3], startedAt: try instant(4, "started_at"),
            due: try instant(5, "due_at"), status: Deadline.Status(rawValue: row[6]) ?? .pending)
    }

    /// The event a row read on its own holds, its columns found by their names.
    static func recordedEvent(_ row: Row) throws -> RecordedEvent { try recordedEvent(row, EventColumns(Array(row.columnNames))) }

    /// The event a row of the `event` table holds, its columns found where `columns` says. A column
    /// someone made NULL, a blob or a number where text belongs is "malformed", never a trap.
    static func recordedEvent(_ row: Row, _ columns: EventColumns) throws -> RecordedEvent {
        func malformed(_ column: String) -> WorkflowError {
            .storage("event \(row.integer(at: columns.position) ?? 0) has a malformed \(column); expected its stored JSON")
        }
        func text(_ index: Int, _ column: String) throws -> String {
            guard let text = row.text(at: index) else {
                throw WorkflowError.storage("event \(row.integer(at: columns.position) ?? 0) has no \(column); expected text")
            }
            return text
        }
        func json(_ index: Int, _ column: String) throws -> Value {
            guard let text = row.text(at: index), let value = try? CanonicalJSONReader.value(text) else { throw malformed(column) }
            return value
        }
        func instant(_ index: Int, _ column: String) throws -> Date {
            guard let text = row.text(at: index), let date = Instant.parse(text) else {
                throw WorkflowError.storage(
                    "event \(row.integer(at: columns.position) ?? 0) has a malformed \(column); expected an ISO 8601 instant")
            }
            return date
        }
        guard let sequence = row.integer(at: columns.sequence).flatMap({ Int(exactly: $0) }) else {
            throw WorkflowError.storage("event \(row.integer(at: columns.position) ?? 0) has a malformed sequence; expected a whole number")
        }
        return RecordedEvent(
            sequence: sequence, caseID: try text(columns.caseID, "case_id"), event: try text(columns.name, "name"),
            eventID: row.text(at: columns.eventID), from: row.text(at: columns.from), to: try text(columns.to, "to_state"),
            at: try instant(columns.at, "at"), recordedAt: try instant(columns.recordedAt, "recorded_at"),
            actor: Actor(
                id: try text(columns.actorID, "actor_id"), role: try text(columns.actorRole, "actor_role"),
                authentication: columns.text(columns.actorAuthentication, row), registerVersion: columns.text(columns.actorRegisterVersion, row)),
            data: try json(columns.data, "data").objectValue ?? { throw malformed("data") }(),
            changes: try json(columns.changes, "changes").objectValue ?? { throw malformed("changes") }(),
            guardsPassed: try (json(columns.guards, "guards").arrayValue ?? { throw malformed("guards") }()).map { item in
                guard let text = item.stringValue else { throw malformed("guards") }
                return text
            },
            procedure: try text(columns.procedure, "procedure"), tableVersion: columns.text(columns.tableVersion, row),
            engineVersion: columns.text(columns.engineVersion, row) ?? "")
    }
}

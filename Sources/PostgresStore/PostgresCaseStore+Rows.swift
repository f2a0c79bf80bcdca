import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// Reading and writing the rows behind `PostgresCaseStore`, in the same stored forms as SQLite's.
extension PostgresCaseStore {
    /// Writes a case's snapshot and rewrites its deadline rows, inside the caller's transaction.
    func write(_ snapshot: CaseSnapshot, doing what: String) throws(WorkflowError) {
        try session.rows(
            """
            INSERT INTO case_snapshot (id, workflow, force, state, version, procedure, opened_at, updated_at, snapshot)
            VALUES (\(snapshot.id), \(snapshot.workflow), \(snapshot.force), \(snapshot.state), \(Int64(snapshot.version)),
                \(snapshot.procedure), \(Instant.formatUTC(snapshot.openedAt)), \(Instant.formatUTC(snapshot.updatedAt)),
                \(snapshot.canonicalText))
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version,
                procedure = excluded.procedure, updated_at = excluded.updated_at, snapshot = excluded.snapshot
            """, doing: what)
        try session.rows("DELETE FROM deadline_index WHERE case_id = \(snapshot.id)", doing: what)
        for open in OpenDeadline.of(snapshot) {
            try session.rows(
                """
                INSERT INTO deadline_index (case_id, clock, started_at, due_at, status, workflow, force)
                VALUES (\(open.caseID), \(open.clock), \(Instant.formatUTC(open.startedAt)), \(Instant.formatUTC(open.due)),
                    \(open.status.rawValue), \(open.workflow), \(open.force))
                """, doing: what)
        }
    }

    /// Appends a transaction's events to the chain, holding the head's row lock until the commit.
    /// Each is authenticated with the current key (if the record is keyed), or, when `macs` is
    /// given (a copy), keeps the MAC it was stored with.
    func append(_ events: [RecordedEvent], macs: [String?]? = nil, doing what: String) throws(WorkflowError) {
        guard !events.isEmpty else { return }
        guard let head = try session.rows("SELECT hash, events FROM chain_head WHERE id = 1 FOR UPDATE", doing: what).first else {
            throw .storage("could not \(what): the chain head is missing; expected one row in chain_head")
        }
        var previous: String = try Self.column(head, "hash")
        var position: Int64 = try Self.column(head, "events")
        for (index, event) in events.enumerated() {
            position += 1
            let hash = EventHash.of(event, after: previous)
            let mac = macs.map { $0[index] } ?? keys?.current.mac(hash)
            try session.rows(
                """
                INSERT INTO event (position, case_id, sequence, event_id, name, from_state, to_state, at, recorded_at,
                    actor_id, actor_role, data, changes, guards, procedure, table_version, engine_version, prev_hash, hash,
                    actor_authentication, actor_register_version, mac)
                VALUES (\(position), \(event.caseID), \(Int64(event.sequence)), \(event.eventID), \(event.event), \(event.from),
                    \(event.to), \(Instant.formatUTC(event.at)), \(Instant.formatUTC(event.recordedAt)), \(event.actor.id),
                    \(event.actor.role), \(CanonicalJSON.text(.object(event.data))), \(CanonicalJSON.text(.object(event.changes))),
                    \(CanonicalJSON.text(.array(event.guardsPassed.map(Value.string)))), \(event.procedure), \(event.tableVersion),
                    \(event.engineVersion), \(previous), \(hash), \(event.actor.authentication), \(event.actor.registerVersion),
                    \(mac))
                """, doing: what)
            previous = hash
        }
        try session.rows("UPDATE chain_head SET hash = \(previous), events = \(position) WHERE id = 1", doing: what)
    }

    static func column<T: PostgresDecodable>(_ row: PostgresRow, _ name: String, as type: T.Type = T.self) throws(WorkflowError) -> T {
        do {
            return try row.makeRandomAccess()[name].decode(T.self)
        } catch {
            throw .storage("a stored \(name) cannot be read; expected \(T.self)")
        }
    }

    static func openDeadline(_ row: PostgresRow) throws(WorkflowError) -> OpenDeadline {
        func instant(_ name: String) throws(WorkflowError) -> Date {
            guard let date = Instant.parse(try column(row, name, as: String.self)) else {
                throw .storage("the deadline index has a malformed \(name); expected an ISO 8601 instant")
            }
            return date
        }
        return OpenDeadline(
            caseID: try column(row, "case_id"), workflow: try column(row, "workflow"), force: try column(row, "force"),
            clock: try column(row, "clock"), startedAt: try instant("started_at"), due: try instant("due_at"),
            status: Deadline.Status(rawValue: try column(row, "status", as: String.self)) ?? .pending)
    }

    static func recordedEvent(_ row: PostgresRow) throws(WorkflowError) -> RecordedEvent {
        let position = (try? column(row, "position", as: Int64.self)) ?? 0
        func malformed(_ name: String) -> WorkflowError {
            .storage("event \(position) has a malformed \(name); expected its stored JSON")
        }
        func json(_ name: String) throws(WorkflowError) -> Value {
            guard let value = try? CanonicalJSONReader.value(try column(row, name, as: String.self)) else { throw malformed(name) }
            return value
        }
        func instant(_ name: String) throws(WorkflowError) -> Date {
            guard let date = Instant.parse(try column(row, name, as: String.self)) else {
                throw .storage("event \(position) has a malformed \(name); expected an ISO 8601 instant")
            }
            return date
        }
        guard let data = try json("data").objectValue else { throw malformed("data") }
        guard let changes = try json("changes").objectValue else { throw malformed("changes") }
        guard let guards = try json("guards").arrayValue else { throw malformed("guards") }
        var passed: [String] = []
        for item in guards {
            guard let text = item.stringValue else { throw malformed("guards") }
            passed.append(text)
        }
        return RecordedEvent(
            sequence: Int(try column(row, "sequence", as: Int64.self)), caseID: try column(row, "case_id"),
            event: try column(row, "name"), eventID: try column(row, "event_id", as: String?.self),
            from: try column(row, "from_state", as: String?.self), to: try column(row, "to_state"),
            at: try instant("at"), recordedAt: try instant("recorded_at"),
            actor: Actor(
                id: try column(row, "actor_id"), role: try column(row, "actor_role"),
                authentication: try column(row, "actor_authentication", as: String?.self),
                registerVersion: try column(row, "actor_register_version", as: String?.self)),
            data: data, changes: changes, guardsPassed: passed, procedure: try column(row, "procedure"),
            tableVersion: try column(row, "table_version", as: String?.self), engineVersion: try column(row, "engine_version"))
    }
}

import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// Reading and writing the rows behind `PostgresCaseStore`, in the same stored forms as SQLite's.
extension PostgresCaseStore {
    /// Writes cases' snapshots (the latest of each case once), rewrites their deadline rows and
    /// remembers refused event ids, in one statement inside the caller's transaction; with
    /// `lockingHead` the same statement takes the chain head's row lock and returns the head.
    /// Rows travel as one JSON array a table (`json_to_recordset`), so a batch of any size is
    /// one round trip.
    @discardableResult
    func write(
        _ snapshots: [CaseSnapshot], refusals: [Refusal] = [], lockingHead: Bool, doing what: String
    ) throws(WorkflowError) -> ChainHead? {
        let cases = Value.array(
            snapshots.map { snapshot in
                .object([
                    "id": .string(snapshot.id), "workflow": .string(snapshot.workflow), "force": .string(snapshot.force),
                    "state": .string(snapshot.state), "version": .integer(snapshot.version), "procedure": .string(snapshot.procedure),
                    "opened_at": .string(Instant.formatUTC(snapshot.openedAt)), "updated_at": .string(Instant.formatUTC(snapshot.updatedAt)),
                    "snapshot": .string(snapshot.canonicalText),
                ])
            })
        let deadlines = Value.array(
            snapshots.flatMap(OpenDeadline.of).map { open in
                .object([
                    "case_id": .string(open.caseID), "clock": .string(open.clock), "started_at": .string(Instant.formatUTC(open.startedAt)),
                    "due_at": .string(Instant.formatUTC(open.due)), "status": .string(open.status.rawValue),
                    "workflow": .string(open.workflow), "force": .string(open.force),
                ])
            })
        let refused = Value.array(
            refusals.map { refusal in
                .object([
                    "event_id": .string(refusal.eventID), "case_id": .string(refusal.caseID), "reason": .string(refusal.reason),
                    "refused_at": .string(Instant.formatUTC(refusal.at)),
                ])
            })
        let ids = snapshots.map(\.id)
        let head = lockingHead ? "SELECT hash, events, record_key FROM chain_head WHERE id = 1 FOR UPDATE" : "SELECT 1 AS written"
        // The deadline rows a case keeps are upserted and the rest deleted: one statement cannot
        // delete a row and insert the same key again.
        let rows = try session.rows(
            """
            WITH written AS (
                INSERT INTO case_snapshot (id, workflow, force, state, version, procedure, opened_at, updated_at, snapshot)
                SELECT id, workflow, force, state, version, procedure, opened_at, updated_at, snapshot
                FROM json_to_recordset(\(CanonicalJSON.text(cases))::json) AS x(id text, workflow text, force text, state text,
                    version int8, procedure text, opened_at text, updated_at text, snapshot text)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version,
                    procedure = excluded.procedure, updated_at = excluded.updated_at, snapshot = excluded.snapshot
            ), fresh AS (
                SELECT * FROM json_to_recordset(\(CanonicalJSON.text(deadlines))::json) AS d(case_id text, clock text,
                    started_at text, due_at text, status text, workflow text, force text)
            ), gone AS (
                DELETE FROM deadline_index o WHERE o.case_id = ANY(\(ids)::text[]) AND NOT EXISTS (
                    SELECT 1 FROM fresh f WHERE f.case_id = o.case_id AND f.clock = o.clock AND f.started_at = o.started_at)
            ), kept AS (
                INSERT INTO deadline_index (case_id, clock, started_at, due_at, status, workflow, force)
                SELECT case_id, clock, started_at, due_at, status, workflow, force FROM fresh
                ON CONFLICT (case_id, clock, started_at) DO UPDATE SET due_at = excluded.due_at, status = excluded.status,
                    workflow = excluded.workflow, force = excluded.force
            ), remembered AS (
                INSERT INTO refused_event (event_id, case_id, reason, refused_at)
                SELECT event_id, case_id, reason, refused_at FROM json_to_recordset(\(CanonicalJSON.text(refused))::json)
                    AS r(event_id text, case_id text, reason text, refused_at text)
                ON CONFLICT (event_id) DO NOTHING
            )
            \(unescaped: head)
            """, doing: what)
        guard lockingHead else { return nil }
        guard let row = rows.first else {
            throw .storage("could not \(what): the chain head is missing; expected one row in chain_head")
        }
        return try Self.chainHead(row)
    }

    /// Appends a transaction's events to the chain after `head` (whose row lock the transaction
    /// holds until its commit), in one statement. Each is authenticated with the current key (if
    /// the record is keyed), or, when `macs` is given (a copy), keeps the MAC it was stored with.
    /// The record's key is checked first (`PostgresRecordKey`): a process without it writes nothing.
    func append(_ events: [RecordedEvent], after head: ChainHead, macs: [String?]? = nil, doing what: String) throws(WorkflowError) {
        guard !events.isEmpty else { return }
        let recordKey = try PostgresRecordKey.checked(
            recorded: head.recordKey, keys: keys, recordIsEmpty: { () throws(WorkflowError) in try isEmpty(head, doing: what) })
        var previous = head.hash
        var position = head.events
        var rows: [Value] = []
        rows.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            position += 1
            let hash = EventHash.of(event, after: previous)
            let mac = macs.map { $0[index] } ?? keys?.current.mac(hash)
            func optional(_ text: String?) -> Value { text.map(Value.string) ?? .null }
            rows.append(
                .object([
                    "position": .integer(Int(position)), "case_id": .string(event.caseID), "sequence": .integer(event.sequence),
                    "event_id": optional(event.eventID), "name": .string(event.event), "from_state": optional(event.from),
                    "to_state": .string(event.to), "at": .string(Instant.formatUTC(event.at)),
                    "recorded_at": .string(Instant.formatUTC(event.recordedAt)), "actor_id": .string(event.actor.id),
                    "actor_role": .string(event.actor.role), "data": .string(CanonicalJSON.text(.object(event.data))),
                    "changes": .string(CanonicalJSON.text(.object(event.changes))),
                    "guards": .string(CanonicalJSON.text(.array(event.guardsPassed.map(Value.string)))),
                    "procedure": .string(event.procedure), "table_version": optional(event.tableVersion),
                    "engine_version": .string(event.engineVersion), "prev_hash": .string(previous), "hash": .string(hash),
                    "actor_authentication": optional(event.actor.authentication),
                    "actor_register_version": optional(event.actor.registerVersion), "mac": optional(mac),
                ]))
            previous = hash
        }
        try session.rows(
            """
            WITH appended AS (
                INSERT INTO event (position, case_id, sequence, event_id, name, from_state, to_state, at, recorded_at,
                    actor_id, actor_role, data, changes, guards, procedure, table_version, engine_version, prev_hash, hash,
                    actor_authentication, actor_register_version, mac)
                SELECT position, case_id, sequence, event_id, name, from_state, to_state, at, recorded_at,
                    actor_id, actor_role, data, changes, guards, procedure, table_version, engine_version, prev_hash, hash,
                    actor_authentication, actor_register_version, mac
                FROM json_to_recordset(\(CanonicalJSON.text(.array(rows)))::json) AS x(position int8, case_id text, sequence int8,
                    event_id text, name text, from_state text, to_state text, at text, recorded_at text, actor_id text,
                    actor_role text, data text, changes text, guards text, procedure text, table_version text,
                    engine_version text, prev_hash text, hash text, actor_authentication text, actor_register_version text, mac text)
            )
            UPDATE chain_head SET hash = \(previous), events = \(position), record_key = \(recordKey) WHERE id = 1
            """, doing: what)
    }

    /// The chain head, under its row lock until the transaction ends.
    func lockHead(doing what: String) throws(WorkflowError) -> ChainHead {
        guard let row = try session.rows("SELECT hash, events, record_key FROM chain_head WHERE id = 1 FOR UPDATE", doing: what).first else {
            throw .storage("could not \(what): the chain head is missing; expected one row in chain_head")
        }
        return try Self.chainHead(row)
    }

    static func chainHead(_ row: PostgresRow) throws(WorkflowError) -> ChainHead {
        ChainHead(hash: try column(row, "hash"), events: try column(row, "events"), recordKey: try column(row, "record_key", as: String?.self))
    }

    /// Whether the record holds no event and no staff register change (read under the chain head's lock).
    func isEmpty(_ head: ChainHead, doing what: String) throws(WorkflowError) -> Bool {
        guard head.events == 0 else { return false }
        return try session.rows("SELECT 1 FROM register_change LIMIT 1", doing: what).isEmpty
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

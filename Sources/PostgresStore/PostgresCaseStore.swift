import Foundation
import Ledger
import PostgresNIO
import WorkflowCore

/// The shared store: PostgreSQL through postgres-nio, for several engine processes (command line
/// or server) on one database. Hashes, stored forms and verify's findings come from `Ledger`, so
/// the same events hash the same here as in SQLite.
///
/// Many writers, no lost update. A transaction first takes a transaction-scoped advisory lock on
/// each case it will write (`pg_advisory_xact_lock`, keyed by a hash of the case id, in key order
/// so two batches never wait on each other in a cycle), then reads each case, decides and writes
/// its snapshot and deadline rows. An advisory lock rather than `SELECT … FOR UPDATE` because it
/// also covers a case that does not exist yet: two processes opening the same id queue on the lock
/// and the second sees the first's case. Disjoint cases decide in parallel. The chain is global —
/// each event's hash covers the one before — so appending must be serialised: the events of a
/// transaction are held back and appended at its end under the row lock on `chain_head`
/// (`SELECT … FOR UPDATE`), which is held only for the inserts and the commit. Case locks are
/// always taken before the head lock, so there is no deadlock. A clock fired by `tick` in several
/// processes carries an event id made from the case, clock and start; the id is checked under the
/// case lock, so each due clock fires exactly once.
///
///     let store = try PostgresCaseStore(url: "postgres://safeguard@127.0.0.1:5432/cases")
public final class PostgresCaseStore: CaseStore, Sendable {
    let session: PostgresSession
    private let now: @Sendable () -> Date
    /// The record's keys, if it is keyed: what is written is authenticated with the current one,
    /// and `verify` checks every MAC (as `StoreOptions.keys` does for SQLite).
    let keys: ChainKeys?

    public convenience init(url: String, keys: ChainKeys? = nil, now: @escaping @Sendable () -> Date = Date.init) throws(WorkflowError) {
        try self.init(location: PostgresLocation(url), keys: keys, now: now)
    }

    /// Connects, and creates or migrates the tables if need be.
    public init(location: PostgresLocation, keys: ChainKeys? = nil, now: @escaping @Sendable () -> Date = Date.init) throws(WorkflowError) {
        session = try PostgresSession(location)
        self.now = now
        self.keys = keys
        try PostgresSchema.migrate(session)
    }

    public func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? {
        let id = Identifier.normalized(id)
        return try session.rows("SELECT snapshot FROM case_snapshot WHERE id = \(id)", doing: "read case \(id)")
            .first.map { row throws(WorkflowError) in try CaseSnapshot(canonicalText: Self.column(row, "snapshot")) }
    }

    public func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? {
        let id = Identifier.normalized(id)
        return try session.rows("SELECT snapshot FROM case_snapshot WHERE id = \(id)", doing: "read case \(id)")
            .first.map { row throws(WorkflowError) in try Self.column(row, "snapshot") }
    }

    public func record(
        caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition
    ) throws(WorkflowError) -> RecordOutcome {
        try withoutActuallyEscaping(decide) { decide throws(WorkflowError) in
            try recordBatch([BatchItem(caseID: caseID, eventID: eventID, decide: decide)])[0].get()
        }
    }

    public func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        let what = items.count == 1 ? "record the event on case \(items[0].caseID)" : "record a batch of \(items.count) events"
        return try session.transaction(doing: what) { () throws(WorkflowError) in
            try lockCases(items.map(\.caseID), doing: what)
            var outcomes: [Result<RecordOutcome, WorkflowError>] = []
            var appended: [RecordedEvent] = []
            for item in items {
                let outcome = try record(item, appended: &appended, doing: what)
                if case .failure(let error) = outcome, error.kind == .refused || error.kind == .badInput, let eventID = item.eventID {
                    try rememberRefusal(eventID: eventID, caseID: item.caseID, reason: error.message, doing: what)
                }
                outcomes.append(outcome)
            }
            try append(appended, doing: what)
            return outcomes
        }
    }

    /// One item inside the transaction: skipped if its event id is recorded (or held back earlier
    /// in this batch), else decided against the case as stored and its snapshot written; its event
    /// is added to `appended`.
    private func record(
        _ item: BatchItem, appended: inout [RecordedEvent], doing what: String
    ) throws(WorkflowError) -> Result<RecordOutcome, WorkflowError> {
        if let eventID = item.eventID {
            if let held = appended.first(where: { $0.eventID == eventID }) { return .success(.alreadyRecorded(held)) }
            if let existing = try session.rows("SELECT * FROM event WHERE event_id = \(eventID)", doing: what).first {
                return .success(.alreadyRecorded(try Self.recordedEvent(existing)))
            }
            if let refused = try session.rows("SELECT reason FROM refused_event WHERE event_id = \(eventID)", doing: what).first {
                return .failure(.refusedBefore(eventID: eventID, reason: try Self.column(refused, "reason")))
            }
        }
        let current = try snapshot(item.caseID)
        let transition: Transition
        do throws(WorkflowError) {
            transition = try item.decide(current)
        } catch {
            return .failure(error)
        }
        guard transition.snapshot.version == (current?.version ?? 0) + 1 else {
            return .failure(.conflict("case \(item.caseID) changed while the event was decided; expected to retry"))
        }
        let event = RecordedEvent(transition, recordedAt: now())
        try write(transition.snapshot, doing: what)
        appended.append(event)
        return .success(.recorded(event, transition.snapshot))
    }

    /// Remembers why an event id was refused, so a re-run of the same input gives what the first gave.
    private func rememberRefusal(eventID: String, caseID: String, reason: String, doing what: String) throws(WorkflowError) {
        try session.rows(
            """
            INSERT INTO refused_event (event_id, case_id, reason, refused_at)
            VALUES (\(eventID), \(caseID), \(reason), \(Instant.formatUTC(now()))) ON CONFLICT (event_id) DO NOTHING
            """, doing: what)
    }

    /// Takes the transaction's advisory lock on each case, in key order.
    private func lockCases(_ ids: [String], doing what: String) throws(WorkflowError) {
        let keys = Set(ids.map(Self.lockKey)).sorted()
        try session.rows("SELECT pg_advisory_xact_lock(k) FROM unnest(\(keys)::int8[]) AS t(k)", doing: what)
    }

    /// A stable 64-bit key for a case id (FNV-1a over its UTF-8), the same in every process.
    static func lockKey(_ id: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    public func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] {
        let id = Identifier.normalized(id)
        return try session.rows("SELECT * FROM event WHERE case_id = \(id) ORDER BY sequence", doing: "read the history of case \(id)")
            .map { row throws(WorkflowError) in try Self.recordedEvent(row) }
    }

    public func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        try session.rows(
            """
            SELECT snapshot FROM case_snapshot
            WHERE (\(state)::text IS NULL OR state = \(state)) AND (\(force)::text IS NULL OR force = \(force))
            ORDER BY id COLLATE "C"
            """, doing: "list cases"
        ).map { row throws(WorkflowError) in try CaseSnapshot(canonicalText: Self.column(row, "snapshot")) }
    }

    public func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        let before = dueBefore.map(Instant.formatUTC)
        return try session.rows(
            """
            SELECT * FROM deadline_index
            WHERE (\(before)::text IS NULL OR due_at < \(before) OR (\(orMissed) AND status = 'missed'))
              AND (\(force)::text IS NULL OR force = \(force))
            ORDER BY due_at COLLATE "C", case_id COLLATE "C", clock COLLATE "C"
            """, doing: "read the deadline index"
        ).map { row throws(WorkflowError) in try Self.openDeadline(row) }
    }

    public func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) {
        try session.rows(
            "INSERT INTO procedure (hash, sources) VALUES (\(hash), \(ScriptSource.canonicalText(sources))) ON CONFLICT (hash) DO NOTHING",
            doing: "store procedure \(hash.prefix(12))")
    }

    public func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]? {
        try session.rows("SELECT sources FROM procedure WHERE hash = \(hash)", doing: "read procedure \(hash.prefix(12))")
            .first.map { row throws(WorkflowError) in try ScriptSource.sources(canonicalText: Self.column(row, "sources")) }
    }

    /// Every stored procedure's hash, for copying a store.
    public func procedureHashes() throws(WorkflowError) -> [String] {
        try session.rows(#"SELECT hash FROM procedure ORDER BY hash COLLATE "C""#, doing: "list procedures")
            .map { row throws(WorkflowError) in try Self.column(row, "hash") }
    }
}

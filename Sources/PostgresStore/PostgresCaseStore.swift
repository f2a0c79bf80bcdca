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

    /// A batch in six round trips whatever its size: `BEGIN`; the case locks; one read of the
    /// batch's cases, recorded event ids and refused ids (and one more for the events of ids
    /// already recorded, on a re-run); one statement writing the snapshots,
    /// deadline rows and refusals and taking the chain head's lock; one appending the events and
    /// moving the head; `COMMIT`. Items are decided in order against the cases as this batch
    /// leaves them, so several events on one case in a batch see each other.
    public func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        let what = items.count == 1 ? "record the event on case \(items[0].caseID)" : "record a batch of \(items.count) events"
        return try session.transaction(doing: what) { () throws(WorkflowError) in
            try lockCases(items.map(\.caseID), doing: what)
            var batch = try PostgresBatch(reading: items, from: self, doing: what)
            var outcomes: [Result<RecordOutcome, WorkflowError>] = []
            outcomes.reserveCapacity(items.count)
            for item in items {
                let outcome = try record(item, in: &batch, doing: what)
                if case .failure(let error) = outcome, error.kind == .refused || error.kind == .badInput, let eventID = item.eventID,
                    batch.refused[eventID] == nil
                {
                    batch.refused[eventID] = error.message
                    batch.refusals.append(Refusal(eventID: eventID, caseID: item.caseID, reason: error.message, at: now()))
                }
                outcomes.append(outcome)
            }
            guard !batch.written.isEmpty || !batch.refusals.isEmpty else { return outcomes }
            let snapshots = batch.written.compactMap { batch.cases[$0] ?? nil }
            if let head = try write(snapshots, refusals: batch.refusals, lockingHead: !batch.appended.isEmpty, doing: what) {
                try append(batch.appended, after: head, doing: what)
            }
            return outcomes
        }
    }

    /// One item inside the transaction: skipped if its event id is recorded (or held back earlier
    /// in this batch), else decided against the case as the batch leaves it; its event is added to
    /// the batch's appended events.
    private func record(_ item: BatchItem, in batch: inout PostgresBatch, doing what: String) throws(WorkflowError) -> Result<
        RecordOutcome, WorkflowError
    > {
        if let eventID = item.eventID {
            if let held = batch.held[eventID] { return .success(.alreadyRecorded(held)) }
            if let existing = batch.recorded[eventID] { return .success(.alreadyRecorded(existing)) }
            if let reason = batch.refused[eventID] { return .failure(.refusedBefore(eventID: eventID, reason: reason)) }
        }
        let current = batch.cases[item.caseID] ?? nil
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
        if !batch.written.contains(item.caseID) { batch.written.append(item.caseID) }
        batch.cases[item.caseID] = transition.snapshot
        batch.appended.append(event)
        if let eventID = item.eventID { batch.held[eventID] = event }
        return .success(.recorded(event, transition.snapshot))
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

import Foundation

/// Where cases live: the one seam every backend (SQLite, in memory, PostgreSQL) implements and
/// every front end uses. Every implementation applies a transition whole or not at all: the event
/// is appended to a hash-chained log and the snapshot replaced together, and two writers on one
/// case never lose an update. Stores hash and encode through the `Ledger` module, so the same
/// events have the same hashes whatever the backend.
///
/// Calls are synchronous and may block (on a file lock, a network round trip). A transition's
/// `decide` closure runs Lua hooks under the store's write lock, and a Lua interpreter is used by
/// one thread at a time; so a server calls a store from a bounded pool of worker threads, never
/// from its event loops (see ARCHITECTURE.md).
public protocol CaseStore: AnyObject, Sendable {
    /// The case as it stands, or nil if there is none with that id.
    func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot?

    /// Reads the case, asks `decide` for the transition, and records it, all under one write
    /// lock. If `eventID` is already recorded, returns it and records nothing. If `decide` refuses
    /// a request that carries an event id (a `.refused` or `.badInput` error: the case's rules or
    /// its state said no, as they would again), the store keeps the id and the
    /// reason apart from every case's history, and refuses that id the same way ever after
    /// (`WorkflowError.refusedBefore`): running the same input again gives what its first run gave.
    func record(
        caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition
    ) throws(WorkflowError) -> RecordOutcome

    /// Records many transitions in one transaction, each whole or not at all (a savepoint each):
    /// one that fails leaves the others standing. Returns each item's outcome, in order.
    func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>]

    /// The case's events, oldest first; empty if there is no such case.
    func history(_ id: String) throws(WorkflowError) -> [RecordedEvent]

    /// Cases, optionally only those in a state or of a force, by id.
    func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot]

    /// Cases a page at a time, in id order: at most `limit` of those whose key comes after `after`
    /// (nil: from the first), optionally only in a state or of a force. `verify` and `report` read
    /// every case this way, so they hold one page, never every case.
    func cases(state: String?, force: String?, after: String?, limit: Int) throws(WorkflowError) -> CasePage

    /// Open deadlines (pending, or missed awaiting a decision), soonest first, from an index
    /// rather than a scan of every case; optionally only those due before an instant (and, with
    /// `orMissed`, every missed one whenever it was due), or of a force.
    func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline]

    /// Keeps the scripts a procedure hash stands for, so a case's procedure can be read back.
    func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError)

    /// The scripts stored for a procedure hash, if any.
    func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]?

    /// Checks the event log behind the engine's back (each event's hash, the chain's links, each
    /// case's sequence, the head, snapshot versions), for every case or one. Returns how many events
    /// were read and each problem found, by case and event.
    ///
    /// The staff register's log is checked with it. Where the store was given the record's keys,
    /// every event's and register change's MAC is checked too; with a `checkpoint` (a head kept
    /// outside the database), that the log still holds, unchanged, what the checkpoint saw.
    func verifyChain(caseID: String?, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String])

    /// The record's head now: how many events and register changes, and the last hash of each (no MAC).
    func chainHead() throws(WorkflowError) -> Checkpoint

    /// The case's snapshot exactly as stored (its canonical JSON text), for `verify` to compare with
    /// a replay of its events; nil if there is no such case.
    func storedSnapshotText(_ id: String) throws(WorkflowError) -> String?

    /// Every change to the staff registers, in log order with the hashes stored beside them; only
    /// one force's when `force` is given. Empty when the store has no register.
    func registerChanges(force: String?) throws(WorkflowError) -> [RegisterChange]

    /// Appends changes to a force's staff register under the store's write lock: `decide` sees
    /// the force's changes so far and returns the new ones, numbered on from them. The store
    /// chains them (`RegisterHash`) and writes them together or not at all; they are never updated.
    func recordRegisterChanges(
        force: String, _ decide: ([RegisterChange]) throws(WorkflowError) -> [RegisterChange]
    ) throws(WorkflowError) -> [RegisterChange]
}

extension CaseStore {
    /// Calls `body` with every case (optionally only in a state or of a force), in id order, reading
    /// them `pageSize` at a time.
    public func forEachCase(
        state: String? = nil, force: String? = nil, pageSize: Int = 500, _ body: (CaseSnapshot) throws(WorkflowError) -> Void
    ) throws(WorkflowError) {
        try forEachPage(state: state, force: force, pageSize: pageSize) { page throws(WorkflowError) in
            for snapshot in page.cases { try body(snapshot) }
        }
    }

    /// Calls `body` with each page of cases (optionally only in a state or of a force), in id order.
    public func forEachPage(
        state: String? = nil, force: String? = nil, pageSize: Int = 500, _ body: (CasePage) throws(WorkflowError) -> Void
    ) throws(WorkflowError) {
        var after: String?
        repeat {
            let page = try cases(state: state, force: force, after: after, limit: pageSize)
            try body(page)
            after = page.next
        } while after != nil
    }

    /// The log checked without a checkpoint.
    public func verifyChain(caseID: String?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        try verifyChain(caseID: caseID, checkpoint: nil)
    }
}

import Ledger
import WorkflowCore

/// `verify`: the event log's hash chain, and every case replayed against its stored snapshot.
extension Casework {
    /// The events checked, the cases replayed, and every problem found (none when intact).
    /// With a `checkpoint` (a head kept outside the database), also that the log still holds what it saw.
    /// Each case's snapshot and history are read once: the replay, the register versions its
    /// events name and the notes `verify` prints (procedures, claimed actors) all come from that read.
    /// Cases are replayed on `workers` workers (at most two; see `forEachCaseFound`), with the
    /// same result as on one.
    public func verify(caseID: String?, checkpoint: Checkpoint? = nil, workers: Int = 2) throws(WorkflowError) -> VerifyResult {
        // Over SQLite the chain is checked on a thread of its own while the cases are replayed (it
        // reads the whole log once; the replay reads each case's history), and taken back after.
        let chain = ChainCheck(store: store, caseID: caseID, checkpoint: checkpoint, apart: readsOnTwoThreads && caseID == nil)
        defer { chain.wait() }
        var problems: [String] = []
        // Every case is read a page at a time and replayed as it comes, so no more than a page of
        // cases is held; what the index and columns show is checked against counts kept meanwhile.
        let only = caseID.map(Identifier.normalized)
        let mine: (String) -> Bool = { id in only == nil || only == id }
        var indexed: [String: Set<OpenDeadline>] = [:]
        for deadline in try store.openDeadlines(dueBefore: nil, orMissed: true, force: nil) where mine(deadline.caseID) {
            indexed[deadline.caseID, default: []].insert(deadline)
        }
        var indexProblems: [String] = []
        var states: [String: Int] = [:]
        var forces: [String: Int] = [:]
        var count = 0
        let versions = Set(try store.registerChanges(force: nil).map(\.version))
        var registerProblems: [String] = []
        var result = VerifyResult()
        var procedures = Set<String>()
        // Cases stored under a state or force other than their own, by the value they should be
        // listed under, in case order.
        var unlisted: [(column: String, value: String, id: String)] = []
        func check(_ snapshot: CaseSnapshot, _ found: CaseFindings, _ listed: (state: String?, force: String?)? = nil) {
            count += 1
            if procedures.insert(snapshot.procedure).inserted { result.procedures.append(snapshot.procedure) }
            if !found.historyRead { result.complete = false }
            if found.claimedActors { result.claimedActors = true }
            registerProblems += found.registerProblems
            problems += found.problems
            indexProblems += Self.deadlineIndexProblems(snapshot, indexed: indexed.removeValue(forKey: snapshot.id) ?? [])
            states[snapshot.state, default: 0] += 1
            forces[snapshot.force, default: 0] += 1
            // Byte for byte, as the store selects (String's == would take canonically equal text as equal).
            func same(_ stored: String?, _ own: String) -> Bool { stored.map { $0.utf8.elementsEqual(own.utf8) } ?? false }
            if let listed, !same(listed.state, snapshot.state) { unlisted.append(("state", snapshot.state, snapshot.id)) }
            if let listed, !same(listed.force, snapshot.force) { unlisted.append(("force", snapshot.force, snapshot.id)) }
        }
        // A row that cannot be read is a finding, named by case where it can be: verify goes on.
        do throws(WorkflowError) {
            if let caseID {
                let snapshot = try snapshot(caseID)
                check(snapshot, findings(snapshot, versions: versions))
            } else {
                try forEachCaseFound(versions: versions, workers: workers, check)
            }
        } catch  where error.kind == .storage {
            problems.append("the cases cannot be read to replay them (\(error.message)); each unreadable snapshot is named above")
            result.complete = false
            let (events, chainProblems) = try chainFindings(chain, checkpoint: checkpoint)
            (result.events, result.cases, result.problems) = (events, count, chainProblems + problems)
            return result
        }
        for (id, _) in indexed.sorted(by: { $0.key < $1.key }) {
            indexProblems.append("case \(id): the deadline index holds deadlines of a case with no snapshot; it was changed behind the engine's back")
        }
        // The columns list and report select by must agree with each snapshot's own state and force.
        if caseID == nil {
            // Read with each page: the state's problems, then the force's, each by value, then case.
            for column in ["state", "force"] {
                let found = unlisted.enumerated().filter { $0.element.column == column }
                for (_, each) in found.sorted(by: { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }) {
                    indexProblems.append(Self.unlistedProblem(each.id, column: column, value: each.value))
                }
            }
        } else {
            indexProblems += try columnProblems(expected: states, column: "state", mine: mine)
            indexProblems += try columnProblems(expected: forces, column: "force", mine: mine)
        }
        let (events, chainProblems) = try chainFindings(chain, checkpoint: checkpoint)
        (result.events, result.cases, result.problems) = (events, count, chainProblems + problems + indexProblems + registerProblems)
        return result
    }

    /// The chain's findings, after the checkpoint's own MAC and the staff register's presence.
    private func chainFindings(_ chain: ChainCheck, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        var (events, problems) = try chain.result()
        if let checkpoint, let mac = checkpoint.mac, let keys, keys.problem(mac: mac, hash: checkpoint.body) != nil {
            problems.insert("the checkpoint's MAC does not match it under the record's keys; it was not made by this store, or it was altered", at: 0)
        }
        if KeyFile.marksRegister(keyFile), try store.registerChanges(force: nil).isEmpty {
            problems.insert(
                "the key file says this store keeps a staff register, but the database holds none; it was deleted behind the engine's back", at: 0)
        }
        return (events, problems)
    }

    /// Every event that names a register version (recorded with a token, by a batch or an import)
    /// must find it in the staff register: a register deleted or cut short, to turn the store back
    /// into one whose identities are claimed, leaves events naming versions it no longer holds.
    static func registerVersionProblems(_ caseID: String, _ events: [RecordedEvent], versions: Set<String>) -> [String] {
        var problems: [String] = []
        for event in events {
            guard let version = event.actor.registerVersion, !versions.contains(version) else { continue }
            problems.append(
                "case \(caseID), event \(event.sequence) (\(event.event)): its actor was proven by register version \(version), which the staff register does not hold; the register was deleted or cut short behind the engine's back"
            )
        }
        return problems
    }

    /// What the deadline index `due` and `tick` read holds for a case, against its snapshot.
    static func deadlineIndexProblems(_ snapshot: CaseSnapshot, indexed found: Set<OpenDeadline>) -> [String] {
        var problems: [String] = []
        let expected = Set(OpenDeadline.of(snapshot))
        for missing in expected.subtracting(found).sorted(by: { $0.clock < $1.clock }) {
            problems.append("case \(snapshot.id): the deadline index lacks its \(missing.clock) deadline (or holds it altered); tick and due would miss it")
        }
        for extra in found.subtracting(expected).sorted(by: { $0.clock < $1.clock }) {
            problems.append(
                "case \(snapshot.id): the deadline index holds a \(extra.clock) deadline its snapshot does not; it was changed behind the engine's back")
        }
        return problems
    }

    static func unlistedProblem(_ id: String, column: String, value: String) -> String {
        "case \(id): it is not listed under its \(column) \(value); the snapshot row's columns were changed behind the engine's back"
    }

    /// One case (`verify --case`) not listed under its own state (or force): `expected` counts the cases of each
    /// value by their snapshots; the listing under each value is counted a page at a time, and
    /// only where the counts differ are the listed ids held, to name the cases missing.
    func columnProblems(expected: [String: Int], column: String, mine: (String) -> Bool) throws(WorkflowError) -> [String] {
        func listing(_ value: String, _ body: (CaseSnapshot) throws(WorkflowError) -> Void) throws(WorkflowError) {
            try store.forEachCase(state: column == "state" ? value : nil, force: column == "force" ? value : nil, body)
        }
        func own(_ snapshot: CaseSnapshot) -> String { column == "state" ? snapshot.state : snapshot.force }
        var problems: [String] = []
        for (value, count) in expected.sorted(by: { $0.key < $1.key }) {
            var listed = 0
            try listing(value) { snapshot in if mine(snapshot.id), own(snapshot) == value { listed += 1 } }
            guard listed != count else { continue }
            var ids = Set<String>()
            try listing(value) { snapshot in ids.insert(snapshot.id) }
            try store.forEachCase { snapshot in
                guard mine(snapshot.id), own(snapshot) == value, !ids.contains(snapshot.id) else { return }
                problems.append(Self.unlistedProblem(snapshot.id, column: column, value: value))
            }
        }
        return problems
    }

    /// The record's head now, with its MAC under the current key, for a force to keep elsewhere.
    public func checkpoint() throws(WorkflowError) -> Checkpoint {
        let head = try store.chainHead()
        return keys.map { head.signed(with: $0.current) } ?? head
    }
}

import Ledger
import WorkflowCore

/// `verify`: the event log's hash chain, and every case replayed against its stored snapshot.
extension Casework {
    /// The events checked, the cases replayed, and every problem found (none when intact).
    /// With a `checkpoint` (a head kept outside the database), also that the log still holds what it saw.
    public func verify(caseID: String?, checkpoint: Checkpoint? = nil) throws(WorkflowError) -> (events: Int, cases: Int, problems: [String]) {
        var (events, chainProblems) = try store.verifyChain(caseID: caseID, checkpoint: checkpoint)
        if let checkpoint, let mac = checkpoint.mac, let keys, keys.problem(mac: mac, hash: checkpoint.body) != nil {
            chainProblems.insert("the checkpoint's MAC does not match it under the record's keys; it was not made by this store, or it was altered", at: 0)
        }
        if KeyFile.marksRegister(keyFile), try store.registerChanges(force: nil).isEmpty {
            chainProblems.insert(
                "the key file says this store keeps a staff register, but the database holds none; it was deleted behind the engine's back", at: 0)
        }
        var problems = chainProblems
        // A row that cannot be read is a finding, named by case where it can be: verify goes on.
        let snapshots: [CaseSnapshot]
        do throws(WorkflowError) {
            snapshots = caseID == nil ? try store.list(state: nil, force: nil) : [try snapshot(caseID!)]
        } catch  where error.kind == .storage {
            problems.append("the cases cannot be read to replay them (\(error.message)); each unreadable snapshot is named above")
            return (events, 0, problems)
        }
        for snapshot in snapshots {
            do throws(WorkflowError) {
                problems += try replay(snapshot.id)
            } catch {
                problems.append("case \(snapshot.id): cannot be replayed: \(error.message)")
            }
        }
        problems += try indexProblems(snapshots, whole: caseID == nil)
        problems += try registerVersionProblems(snapshots)
        return (events, snapshots.count, problems)
    }

    /// Every event that names a register version (recorded with a token, by a batch or an import)
    /// must find it in the staff register: a register deleted or cut short, to turn the store back
    /// into one whose identities are claimed, leaves events naming versions it no longer holds.
    func registerVersionProblems(_ snapshots: [CaseSnapshot]) throws(WorkflowError) -> [String] {
        let versions = Set(try store.registerChanges(force: nil).map(\.version))
        var problems: [String] = []
        for snapshot in snapshots {
            // A history that cannot be read was named by its replay above.
            guard let events = try? store.history(snapshot.id) else { continue }
            for event in events {
                guard let version = event.actor.registerVersion, !versions.contains(version) else { continue }
                problems.append(
                    "case \(snapshot.id), event \(event.sequence) (\(event.event)): its actor was proven by register version \(version), which the staff register does not hold; the register was deleted or cut short behind the engine's back"
                )
            }
        }
        return problems
    }

    /// What the engine acts on besides the snapshots' text, checked against them: the deadline
    /// index `due` and `tick` read, and the columns `list` and `report` select cases by.
    func indexProblems(_ snapshots: [CaseSnapshot], whole: Bool) throws(WorkflowError) -> [String] {
        var problems: [String] = []
        let mine = Set(snapshots.map(\.id))
        var indexed: [String: Set<OpenDeadline>] = [:]
        for deadline in try store.openDeadlines(dueBefore: nil, orMissed: true, force: nil) where mine.contains(deadline.caseID) || whole {
            indexed[deadline.caseID, default: []].insert(deadline)
        }
        for snapshot in snapshots {
            let expected = Set(OpenDeadline.of(snapshot))
            let found = indexed.removeValue(forKey: snapshot.id) ?? []
            for missing in expected.subtracting(found).sorted(by: { $0.clock < $1.clock }) {
                problems.append("case \(snapshot.id): the deadline index lacks its \(missing.clock) deadline (or holds it altered); tick and due would miss it")
            }
            for extra in found.subtracting(expected).sorted(by: { $0.clock < $1.clock }) {
                problems.append(
                    "case \(snapshot.id): the deadline index holds a \(extra.clock) deadline its snapshot does not; it was changed behind the engine's back")
            }
        }
        for (id, _) in indexed.sorted(by: { $0.key < $1.key }) {
            problems.append("case \(id): the deadline index holds deadlines of a case with no snapshot; it was changed behind the engine's back")
        }
        // The columns list and report select by must agree with each snapshot's own state and force.
        for state in Set(snapshots.map(\.state)).sorted() {
            let listed = Set(try store.list(state: state, force: nil).map(\.id))
            for snapshot in snapshots where snapshot.state == state && !listed.contains(snapshot.id) {
                problems.append(
                    "case \(snapshot.id): it is not listed under its state \(state); the snapshot row's columns were changed behind the engine's back")
            }
        }
        for force in Set(snapshots.map(\.force)).sorted() {
            let listed = Set(try store.list(state: nil, force: force).map(\.id))
            for snapshot in snapshots where snapshot.force == force && !listed.contains(snapshot.id) {
                problems.append(
                    "case \(snapshot.id): it is not listed under its force \(force); the snapshot row's columns were changed behind the engine's back")
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

import Foundation
import Ledger
import WorkflowCore

/// A store that runs `beforeWrite` once, just before the first write it is asked for: another
/// process's write landing between a command's read and its write.
/// Used from one thread at a time by the tests that make it, hence unchecked.
final class InterleavingStore: CaseStore, @unchecked Sendable {
    let inner: any CaseStore
    private var pending: ((any CaseStore) throws -> Void)?

    init(_ inner: any CaseStore, beforeWrite: @escaping (any CaseStore) throws -> Void) {
        self.inner = inner
        pending = beforeWrite
    }

    private func interleave() {
        guard let action = pending else { return }
        pending = nil
        try? action(inner)
    }

    func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? { try inner.snapshot(id) }
    func record(caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition) throws(WorkflowError) -> RecordOutcome {
        interleave()
        return try inner.record(caseID: caseID, eventID: eventID, decide)
    }
    func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        interleave()
        return try inner.recordBatch(items)
    }
    func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] { try inner.history(id) }
    func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] { try inner.list(state: state, force: force) }
    func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        try inner.openDeadlines(dueBefore: dueBefore, orMissed: orMissed, force: force)
    }
    func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) { try inner.storeProcedure(hash: hash, sources: sources) }
    func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]? { try inner.procedureSources(hash) }
    func verifyChain(caseID: String?, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        try inner.verifyChain(caseID: caseID, checkpoint: checkpoint)
    }
    func chainHead() throws(WorkflowError) -> Checkpoint { try inner.chainHead() }
    func registerChanges(force: String?) throws(WorkflowError) -> [RegisterChange] { try inner.registerChanges(force: force) }
    func recordRegisterChanges(
        force: String, _ decide: ([RegisterChange]) throws(WorkflowError) -> [RegisterChange]
    ) throws(WorkflowError) -> [RegisterChange] {
        try inner.recordRegisterChanges(force: force, decide)
    }
    func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? { try inner.storedSnapshotText(id) }
}

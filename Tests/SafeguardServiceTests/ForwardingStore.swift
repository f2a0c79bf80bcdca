import Foundation
import Ledger
import WorkflowCore

/// A store that passes every call to another, calling `beforeWrite` before each write: the base of
/// the test stores that make a write fail, or land another process's write just before it.
/// Used from one thread at a time by the tests that make one, hence unchecked.
class ForwardingStore: CaseStore, @unchecked Sendable {
    let inner: any CaseStore

    init(_ inner: any CaseStore) { self.inner = inner }

    func beforeWrite() throws(WorkflowError) {}

    func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? { try inner.snapshot(id) }
    func record(caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition) throws(WorkflowError) -> RecordOutcome {
        try beforeWrite()
        return try inner.record(caseID: caseID, eventID: eventID, decide)
    }
    func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        try beforeWrite()
        return try inner.recordBatch(items)
    }
    func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] { try inner.history(id) }
    func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] { try inner.list(state: state, force: force) }
    func cases(state: String?, force: String?, after: String?, limit: Int) throws(WorkflowError) -> CasePage {
        try inner.cases(state: state, force: force, after: after, limit: limit)
    }
    func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        try inner.openDeadlines(dueBefore: dueBefore, orMissed: orMissed, force: force)
    }
    func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) {
        try beforeWrite()
        try inner.storeProcedure(hash: hash, sources: sources)
    }
    func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]? { try inner.procedureSources(hash) }
    func verifyChain(caseID: String?, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        try inner.verifyChain(caseID: caseID, checkpoint: checkpoint)
    }
    func chainHead() throws(WorkflowError) -> Checkpoint { try inner.chainHead() }
    func registerChanges(force: String?) throws(WorkflowError) -> [RegisterChange] { try inner.registerChanges(force: force) }
    func recordRegisterChanges(
        force: String, _ decide: ([RegisterChange]) throws(WorkflowError) -> [RegisterChange]
    ) throws(WorkflowError) -> [RegisterChange] {
        try beforeWrite()
        return try inner.recordRegisterChanges(force: force, decide)
    }
    func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? { try inner.storedSnapshotText(id) }
}

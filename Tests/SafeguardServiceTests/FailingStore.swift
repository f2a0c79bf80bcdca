import Foundation
import Storage
import WorkflowCore

/// An in-memory SQLite store whose writes fail with a storage error once `failWrites` is set:
/// a disk that filled up, a database made read-only.
final class FailingStore: CaseStore, @unchecked Sendable {
    let inner: any CaseStore
    var failWrites = false

    init() throws { inner = try StoreFactory.open(":memory:") }

    private func check() throws(WorkflowError) {
        if failWrites { throw .storage("the database could not be written (disk I/O error); expected a writable database") }
    }

    func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? { try inner.snapshot(id) }
    func record(caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition) throws(WorkflowError) -> RecordOutcome {
        try check()
        return try inner.record(caseID: caseID, eventID: eventID, decide)
    }
    func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        try check()
        return try inner.recordBatch(items)
    }
    func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] { try inner.history(id) }
    func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] { try inner.list(state: state, force: force) }
    func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        try inner.openDeadlines(dueBefore: dueBefore, orMissed: orMissed, force: force)
    }
    func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) {
        try check()
        try inner.storeProcedure(hash: hash, sources: sources)
    }
    func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]? { try inner.procedureSources(hash) }
    func verifyChain(caseID: String?) throws(WorkflowError) -> (events: Int, problems: [String]) { try inner.verifyChain(caseID: caseID) }
    func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? { try inner.storedSnapshotText(id) }
}

import Dispatch
import WorkflowCore

/// `verify`'s check of the hash chain: on a thread of its own when `apart` (while the cases are
/// replayed on others, as a SQLite store's reads may run from several threads), else at once.
/// Hence unchecked: the check's thread writes `outcome` once, and `result` reads it only after
/// waiting for that thread.
final class ChainCheck: @unchecked Sendable {
    private let store: any CaseStore
    private let caseID: String?
    private let checkpoint: Checkpoint?
    private var outcome: Result<(events: Int, problems: [String]), WorkflowError>?
    private let done = DispatchGroup()

    init(store: any CaseStore, caseID: String?, checkpoint: Checkpoint?, apart: Bool) {
        (self.store, self.caseID, self.checkpoint) = (store, caseID, checkpoint)
        if apart { DispatchQueue.global().async(group: done) { self.run() } } else { run() }
    }

    private func run() {
        do throws(WorkflowError) {
            outcome = .success(try store.verifyChain(caseID: caseID, checkpoint: checkpoint))
        } catch {
            outcome = .failure(error)
        }
    }

    /// Waits for the check to end (so no read outlives `verify`).
    func wait() { done.wait() }

    /// The events checked and the problems found, once the check has ended.
    func result() throws(WorkflowError) -> (events: Int, problems: [String]) {
        done.wait()
        return try outcome!.get()
    }
}

import Foundation
import Stores
import WorkflowCore

/// An in-memory SQLite store that counts the reads `verify` makes of cases and histories.
final class CountingStore: ForwardingStore, @unchecked Sendable {
    var historyReads = 0
    var snapshotReads = 0
    var listReads = 0

    init() throws { super.init(try StoreFactory.open(":memory:")) }

    override func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] {
        historyReads += 1
        return try super.history(id)
    }
    override func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? {
        snapshotReads += 1
        return try super.snapshot(id)
    }
    override func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        listReads += 1
        return try super.list(state: state, force: force)
    }
}

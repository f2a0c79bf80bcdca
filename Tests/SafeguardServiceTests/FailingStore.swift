import Foundation
import Storage
import Stores
import WorkflowCore

/// An in-memory SQLite store whose writes fail with a storage error once `failWrites` is set:
/// a disk that filled up, a database made read-only.
final class FailingStore: ForwardingStore, @unchecked Sendable {
    var failWrites = false

    init() throws { super.init(try StoreFactory.open(":memory:")) }

    override func beforeWrite() throws(WorkflowError) {
        if failWrites { throw .storage("the database could not be written (disk I/O error); expected a writable database") }
    }
}

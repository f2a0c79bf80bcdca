import Foundation
import WorkflowCore

/// A store that runs `action` once, just before the first write it is asked for: another
/// process's write landing between a command's read and its write.
final class InterleavingStore: ForwardingStore, @unchecked Sendable {
    private var pending: ((any CaseStore) throws -> Void)?

    init(_ inner: any CaseStore, beforeWrite action: @escaping (any CaseStore) throws -> Void) {
        pending = action
        super.init(inner)
    }

    override func beforeWrite() throws(WorkflowError) {
        guard let action = pending else { return }
        pending = nil
        try? action(inner)
    }
}

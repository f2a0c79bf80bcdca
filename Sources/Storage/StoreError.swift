internal import GRDB
import WorkflowCore

/// Turns database failures into `WorkflowError`s: a busy or locked database is a conflict,
/// anything else a storage error. Statement arguments (personal data) never appear.
enum StoreError {
    static func from(_ error: any Error, doing what: String) -> WorkflowError {
        if let workflowError = error as? WorkflowError { return workflowError }
        if let databaseError = error as? DatabaseError {
            switch databaseError.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .conflict("could not \(what): the database is busy with another writer; expected to retry")
            default:
                let detail = databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
                return .storage("could not \(what): \(detail)")
            }
        }
        return .storage("could not \(what): \(type(of: error))")
    }
}

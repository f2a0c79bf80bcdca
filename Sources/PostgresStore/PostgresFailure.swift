import PostgresNIO
import WorkflowCore

/// Turns PostgreSQL failures into `WorkflowError`s: a deadlock, a serialization failure or a
/// duplicate key (another process recorded the same thing first) is a conflict to retry; anything
/// else a storage error. Only the server's primary message is shown, never its detail, which can
/// quote the values of a row (personal data).
enum PostgresFailure {
    static func from(_ error: any Error, doing what: String) -> WorkflowError {
        if let workflowError = error as? WorkflowError { return workflowError }
        guard let error = error as? PSQLError else {
            return .storage("could not \(what): \(type(of: error))")
        }
        if let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? "SQLSTATE \(state)"
            switch state {
            case "40001", "40P01", "55P03", "23505":
                return .conflict("could not \(what): another process wrote at the same time (\(message)); expected to retry")
            default:
                return .storage("could not \(what): \(message)")
            }
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection:
            return .storage("could not \(what): the PostgreSQL server cannot be reached; expected a running server at that host and port")
        case .sslUnsupported:
            return .storage("could not \(what): the server does not offer TLS; expected sslmode=disable or a server with TLS")
        default:
            return .storage("could not \(what): \(error.code)")
        }
    }
}

import WorkflowCore

/// Where a store is, parsed from a `--db` value.
public enum StoreLocation: Equatable, Sendable {
    case memory
    case sqlite(path: String)

    public init(_ text: String) throws(WorkflowError) {
        if text == ":memory:" || text == "sqlite::memory:" {
            self = .memory
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            throw .badInput("--db names a PostgreSQL database; this build stores cases in SQLite only; expected a file path, sqlite:PATH or :memory:")
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .badInput("--db sqlite: names no file; expected sqlite:PATH") }
            self = .sqlite(path: path)
        } else if text.isEmpty {
            throw .badInput("--db is empty; expected a file path, sqlite:PATH or :memory:")
        } else {
            self = .sqlite(path: text)
        }
    }
}

import PostgresStore
import WorkflowCore

/// Where a store is, parsed from a `--db` value (or `SAFEGUARD_DB`).
public enum StoreLocation: Equatable, Sendable {
    case memory
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public init(_ text: String) throws(WorkflowError) {
        if text == ":memory:" || text == "sqlite::memory:" {
            self = .memory
        } else if PostgresLocation.isPostgresURL(text) {
            self = .postgres(try PostgresLocation(text))
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .badInput("--db sqlite: names no file; expected sqlite:PATH") }
            self = .sqlite(path: path)
        } else if text.isEmpty {
            throw .badInput("--db is empty; expected a file path, sqlite:PATH, :memory: or postgres://user@host:port/database")
        } else {
            self = .sqlite(path: text)
        }
    }
}

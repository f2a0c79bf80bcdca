import Foundation
import Ledger
import PostgresStore
import Storage
import WorkflowCore

/// Opens the store a `--db` value (or `SAFEGUARD_DB`) names: a file path or `sqlite:PATH` for an
/// SQLite file, `:memory:` for an SQLite database that lives as long as the process, and
/// `postgres://user@host:port/database` for a PostgreSQL database shared by many processes. A
/// command that only reads, pointed at an SQLite file that does not exist, gets a storage error
/// and creates no file.
///
///     let store = try StoreFactory.open("sqlite:cases.sqlite")
///     let shared = try StoreFactory.open("postgres://safeguard@127.0.0.1:5432/cases")
public enum StoreFactory {
    /// Whether `location` names an SQLite file that does not exist (opening it read-only fails).
    public static func namesMissingFile(_ location: String) -> Bool {
        guard case .sqlite(let path) = try? StoreLocation(location) else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }

    /// Opens the store `location` names. Read-only, an SQLite path with no file there is a storage
    /// error, and nothing is created.
    public static func open(
        _ location: String, options: StoreOptions = StoreOptions(), now: @escaping @Sendable () -> Date = Date.init
    ) throws(WorkflowError) -> any CaseStore {
        switch try StoreLocation(location) {
        case .memory: return try SQLiteCaseStore.inMemory(now: now, keys: options.keys)
        case .sqlite(let path):
            // Reading a database that does not exist is a mistyped path, not an empty record; it
            // creates nothing.
            if options.access == .readOnly, !FileManager.default.fileExists(atPath: path) {
                throw .storage(
                    "no database at \(path); expected the path of an existing Safeguard database (safeguard init or open creates one)")
            }
            return try SQLiteCaseStore(path: path, options: options, now: now)
        case .postgres(let location): return try PostgresCaseStore(location: location, keys: options.keys, now: now)
        }
    }
}

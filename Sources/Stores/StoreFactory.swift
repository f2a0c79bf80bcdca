import Foundation
import Ledger
import PostgresStore
import Storage
import WorkflowCore

/// Opens the store a `--db` value (or `SAFEGUARD_DB`) names: a file path or `sqlite:PATH` for an
/// SQLite file, `:memory:` for an SQLite database that lives as long as the process, and
/// `postgres://user@host:port/database` for a PostgreSQL database shared by many processes. A
/// command that only reads, pointed at an SQLite file that does not exist, sees an empty store and
/// creates no file.
///
///     let store = try StoreFactory.open("sqlite:cases.sqlite")
///     let shared = try StoreFactory.open("postgres://safeguard@127.0.0.1:5432/cases")
public enum StoreFactory {
    public static func open(
        _ location: String, options: StoreOptions = StoreOptions(), now: @escaping @Sendable () -> Date = Date.init
    ) throws(WorkflowError) -> any CaseStore {
        switch try StoreLocation(location) {
        case .memory: return try SQLiteCaseStore.inMemory(now: now, keys: options.keys)
        case .sqlite(let path):
            // Reading a database that does not exist yet reads nothing, and creates nothing.
            if options.access == .readOnly, !FileManager.default.fileExists(atPath: path) { return InMemoryCaseStore(now: now) }
            return try SQLiteCaseStore(path: path, options: options, now: now)
        case .postgres(let location): return try PostgresCaseStore(location: location, keys: options.keys, now: now)
        }
    }
}

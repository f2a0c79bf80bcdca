import Foundation
import PostgresStore
import Storage
import WorkflowCore

/// Opens the store a `--db` value (or `SAFEGUARD_DB`) names: a file path or `sqlite:PATH` for an
/// SQLite file, `:memory:` for an SQLite database that lives as long as the process, and
/// `postgres://user@host:port/database` for a PostgreSQL database shared by many processes.
///
///     let store = try StoreFactory.open("sqlite:cases.sqlite")
///     let shared = try StoreFactory.open("postgres://safeguard@127.0.0.1:5432/cases")
public enum StoreFactory {
    public static func open(
        _ location: String, options: StoreOptions = StoreOptions(), now: @escaping @Sendable () -> Date = Date.init
    ) throws(WorkflowError) -> any CaseStore {
        switch try StoreLocation(location) {
        case .memory: return try SQLiteCaseStore.inMemory(now: now)
        case .sqlite(let path): return try SQLiteCaseStore(path: path, options: options, now: now)
        case .postgres(let location): return try PostgresCaseStore(location: location, now: now)
        }
    }
}

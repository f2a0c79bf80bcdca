import Foundation
import WorkflowCore

/// Opens the store a `--db` value (or `SAFEGUARD_DB`) names: a file path or `sqlite:PATH` for an
/// SQLite file, `:memory:` for an SQLite database that lives as long as the process.
///
///     let store = try StoreFactory.open("sqlite:cases.sqlite")
public enum StoreFactory {
    public static func open(
        _ location: String, options: StoreOptions = StoreOptions(), now: @escaping @Sendable () -> Date = Date.init
    ) throws(WorkflowError) -> any CaseStore {
        switch try StoreLocation(location) {
        case .memory: return try SQLiteCaseStore.inMemory(now: now, keys: options.keys)
        case .sqlite(let path): return try SQLiteCaseStore(path: path, options: options, now: now)
        }
    }
}

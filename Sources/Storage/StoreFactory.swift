import Foundation
import Ledger
import WorkflowCore

/// Opens the store a `--db` value (or `SAFEGUARD_DB`) names: a file path or `sqlite:PATH` for an
/// SQLite file, `:memory:` for an SQLite database that lives as long as the process. A command
/// that only reads, pointed at a file that does not exist, sees an empty store and creates no file.
///
///     let store = try StoreFactory.open("sqlite:cases.sqlite")
public enum StoreFactory {
    public static func open(
        _ location: String, options: StoreOptions = StoreOptions(), now: @escaping @Sendable () -> Date = Date.init
    ) throws(WorkflowError) -> any CaseStore {
        switch try StoreLocation(location) {
        case .memory: return try SQLiteCaseStore.inMemory(now: now)
        case .sqlite(let path):
            // Reading a database that does not exist yet reads nothing, and creates nothing.
            if options.access == .readOnly, !FileManager.default.fileExists(atPath: path) { return InMemoryCaseStore(now: now) }
            return try SQLiteCaseStore(path: path, options: options, now: now)
        }
    }
}

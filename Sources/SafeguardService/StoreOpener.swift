// store seam: replaced by the store factory
import GRDB
import Storage
import WorkflowCore

/// Opens the case store a configuration names. The only place in the application layer that
/// knows the store is SQLite through GRDB.
enum StoreOpener {
    /// The store the application layer works on.
    typealias Store = SQLiteCaseStore

    /// `:memory:`, `sqlite:PATH`, or a plain path.
    static func open(_ url: String) throws(WorkflowError) -> Store {
        if url == ":memory:" || url == "sqlite::memory:" {
            do {
                return try SQLiteCaseStore(writer: try DatabaseQueue())
            } catch {
                throw .storage("could not create an in-memory database")
            }
        }
        return try SQLiteCaseStore(path: url.hasPrefix("sqlite:") ? String(url.dropFirst("sqlite:".count)) : url)
    }

    /// A snapshot as the store writes it, to compare a replay with the stored text.
    static func canonicalText(_ snapshot: CaseSnapshot) -> String {
        SQLiteCaseStore.canonicalText(snapshot)
    }
}

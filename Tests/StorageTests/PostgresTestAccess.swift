@testable import PostgresStore

/// Raw statements on a PostgreSQL store, for tests that act behind the engine's back.
enum PostgresTestAccess {
    static func execute(_ sql: String, on store: PostgresCaseStore) throws {
        try store.session.execute(unsafeSQL: sql, doing: "tamper")
    }
}

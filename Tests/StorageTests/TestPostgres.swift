import Foundation

@testable import PostgresStore

/// The PostgreSQL server the tests use: `SAFEGUARD_TEST_POSTGRES` (set by scripts/test, which
/// starts a throw-away cluster), with a fresh database made for each store.
enum TestPostgres {
    static var url: String? { ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 } }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "SAFEGUARD_TEST_POSTGRES is not set; expected scripts/test to start a PostgreSQL server" }
    }

    /// A new, empty database on the test server, and its URL.
    static func freshDatabase() throws -> String {
        guard let url else { throw Missing() }
        let location = try PostgresLocation(url)
        let name = "sg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let session = try PostgresSession(location)
        try session.execute(unsafeSQL: "CREATE DATABASE \(name)", doing: "create a test database")
        var fresh = location
        fresh.database = name
        return "postgres://\(fresh.user)@\(fresh.host):\(fresh.port)/\(name)"
    }
}

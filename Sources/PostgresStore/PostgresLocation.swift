import Foundation
import WorkflowCore

/// A PostgreSQL database named by a `--db` URL: `postgres://user[:password]@host[:port]/database`
/// (or `postgresql://`), with `?sslmode=disable|prefer|require` (default `disable`). The password
/// may also come from `PGPASSWORD`. `description` never shows the password.
///
///     let location = try PostgresLocation("postgres://safeguard@127.0.0.1:5432/cases")
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Equatable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(WorkflowError) {
        let expected = "expected postgres://user@host:port/database"
        guard Self.isPostgresURL(text), let url = URLComponents(string: text) else {
            throw .badInput("--db is not a PostgreSQL URL; \(expected)")
        }
        guard let host = url.host, !host.isEmpty else { throw .badInput("--db names no PostgreSQL host; \(expected)") }
        guard let user = url.user, !user.isEmpty else { throw .badInput("--db names no PostgreSQL user; \(expected)") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw .badInput("--db names no PostgreSQL database; \(expected)") }
        let port = url.port ?? 5432
        guard (1...65535).contains(port) else { throw .badInput("--db has port \(port); expected a port from 1 to 65535") }
        var tls = TLSMode.disable
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw .badInput("--db has an unknown parameter \"\(item.name)\"; expected only sslmode=disable, prefer or require")
            }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw .badInput("--db has sslmode=\(item.value ?? ""); expected disable, prefer or require")
            }
            tls = mode
        }
        self.host = host
        self.port = port
        self.user = url.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? user
        self.password = url.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        self.database = url.percentEncodedPath.dropFirst().removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The URL without its password, safe for messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}

import Foundation
import Logging
import PostgresNIO
import WorkflowCore

/// One connection to the server, used synchronously: each call sends a query on the connection's
/// event loop (postgres-nio's future-based API) and blocks the calling thread until the answer
/// arrives. Callers never run on an event loop (see `CaseStore`), so the wait cannot stall the
/// loop that would answer it. A lock lets one thread at a time use the connection; a transaction
/// holds the lock from `BEGIN` to `COMMIT`.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    private let connection: PostgresConnection
    private let lock = NSRecursiveLock()
    /// Never logs: statement arguments are personal data.
    static let logger = Logger(label: "safeguard.postgres") { _ in SwiftLogNoOpLogHandler() }

    init(_ location: PostgresLocation) throws(WorkflowError) {
        self.location = location
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch location.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            let configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: tls)
            connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: Self.logger
            ).wait()
        } catch {
            throw PostgresFailure.from(error, doing: "connect to the PostgreSQL database \(location)")
        }
    }

    /// Closes the connection; the closure keeps it alive until the close completes.
    deinit {
        let connection = connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs `body` holding the connection.
    func exclusive<T>(_ body: () throws(WorkflowError) -> T) throws(WorkflowError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// All the rows of a query.
    @discardableResult
    func rows(_ query: PostgresQuery, doing what: @autoclosure () -> String) throws(WorkflowError) -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: Self.logger).wait().rows
        } catch {
            throw PostgresFailure.from(error, doing: what())
        }
    }

    /// Each row of a query handed to `onRow` as it arrives, without holding them all.
    func stream(_ query: PostgresQuery, doing what: String, _ onRow: @escaping @Sendable (PostgresRow) throws -> Void) throws(WorkflowError) {
        lock.lock()
        defer { lock.unlock() }
        do {
            _ = try connection.query(query, logger: Self.logger, onRow).wait()
        } catch {
            throw PostgresFailure.from(error, doing: what)
        }
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(
        _ begin: PostgresQuery = "BEGIN", doing what: String, _ body: () throws(WorkflowError) -> T
    ) throws(WorkflowError) -> T {
        try exclusive { () throws(WorkflowError) -> T in
            try rows(begin, doing: what)
            do throws(WorkflowError) {
                let result = try body()
                try rows("COMMIT", doing: what)
                return result
            } catch {
                _ = try? rows("ROLLBACK", doing: what)
                throw error
            }
        }
    }
}

extension PostgresSession {
    /// A statement with no arguments, written by the engine or its tests (never with user input).
    func execute(unsafeSQL sql: String, doing what: String) throws(WorkflowError) {
        try rows(PostgresQuery(unsafeSQL: sql), doing: what)
    }
}

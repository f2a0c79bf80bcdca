import Foundation
import Logging
import WorkflowCore

/// The server's log lines, one a line on standard error, in a form a force can alert on:
/// `2026-06-01T08:00:00.000Z warning missed statutory deadline case=C1 clock=hearing due=2026-05-27T23:00:00.000Z event=record_missed_deadline`
/// (the time in UTC, the level, the message, then the metadata sorted by key). Nothing a request
/// sent is logged but the path; no token, no case data.
public struct ServerLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let clock: @Sendable () -> Date
    let write: @Sendable (String) -> Void

    public init(clock: @escaping @Sendable () -> Date = Date.init, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.clock = clock
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        let fields = self.metadata.merging(metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        write("\(Instant.formatUTC(clock())) \(level) \(message)\(fields)")
    }

    /// The server's logger.
    public static func logger(label: String = "safeguard") -> Logger { Logger(label: label) { _ in ServerLogHandler() } }
}

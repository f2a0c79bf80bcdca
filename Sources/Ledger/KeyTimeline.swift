import Foundation
import WorkflowCore

/// Which key of the record was current when: read from the key rotations recorded in the staff
/// register's log (`RegisterChange.Kind.rotateKey`). Before the first rotation the current key is
/// the one that MAC'd that rotation; from each rotation's `recordedAt` on, the key it names.
/// With no rotation recorded nothing is known, and any of the store's keys is accepted.
///
///     let timeline = KeyTimeline(registerChanges)
///     timeline.current(at: event.recordedAt)   // "a1b2c3d4e5f60718", or nil with no rotation
public struct KeyTimeline: Sendable {
    public struct Rotation: Sendable {
        public var at: Date
        /// The key current before it (the one its own MAC is under).
        public var from: String
        public var to: String
        public var label: String
    }

    public let rotations: [Rotation]

    public init(_ changes: [RegisterChange]) {
        rotations = changes.compactMap { change in
            guard change.kind == .rotateKey, let to = change.keyID else { return nil }
            return Rotation(at: change.recordedAt, from: Self.keyID(of: change.mac) ?? "", to: to, label: change.version)
        }
    }

    /// The id of the key current at `instant`; nil when no rotation was recorded.
    public func current(at instant: Date) -> String? {
        guard let first = rotations.first else { return nil }
        return rotations.last { $0.at <= instant }?.to ?? first.from
    }

    /// The latest key a rotation made current; nil when none was recorded.
    public var latest: String? { rotations.last?.to }

    /// The key id a stored MAC names (`<key id>:<hex>`).
    public static func keyID(of mac: String?) -> String? {
        guard let mac, let colon = mac.firstIndex(of: ":") else { return nil }
        return String(mac[..<colon])
    }

    /// Why a row MAC'd under `mac` at `instant` was not under the key current then, or nil.
    public func problem(mac: String?, recordedAt instant: Date) -> String? {
        guard let expected = current(at: instant), let used = Self.keyID(of: mac), used != expected else { return nil }
        return
            "its MAC is under key \(used), but key \(expected) was current when it was recorded (\(Instant.formatUTC(instant))); it was written with a key not current then"
    }
}

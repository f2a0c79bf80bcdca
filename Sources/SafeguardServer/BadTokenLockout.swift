import Foundation

/// Counts bad tokens by client address and locks a client out after `limit` of them within
/// `window`, for `window` from the last: a locked-out client's unknown tokens are refused (429)
/// while a valid token from the same address is still accepted, so one stale token does not lock
/// out everyone behind one address. A good token does not clear the count.
public final class BadTokenLockout: @unchecked Sendable {
    public let limit: Int
    public let window: TimeInterval
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]
    /// The most clients counted at once.
    static let capacity = 100_000

    /// The clients counted now (for tests).
    var count: Int { lock.withLock { failures.count } }

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether the client is locked out at `now`.
    public func isLocked(_ client: String, at now: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let recent = (failures[client] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[client] = recent.isEmpty ? nil : recent
        return recent.count >= limit
    }

    /// Counts one bad token from the client; true when this one locks it out.
    @discardableResult
    public func recordFailure(_ client: String, at now: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var recent = (failures[client] ?? []).filter { now.timeIntervalSince($0) < window }
        recent.append(now)
        failures[client] = recent
        if failures.count > Self.capacity {
            failures = failures.filter { now.timeIntervalSince($0.value.last!) < window }
            // Still full: forget the clients with a single bad token, then the quietest, so the table stays bounded.
            if failures.count > Self.capacity { failures = failures.filter { $0.value.count > 1 || $0.key == client } }
            if failures.count > Self.capacity {
                let kept = failures.sorted { $0.value.last! > $1.value.last! }.prefix(Self.capacity)
                failures = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
        }
        return recent.count == limit
    }
}

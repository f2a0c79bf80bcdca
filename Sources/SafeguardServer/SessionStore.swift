import Foundation

/// Signed-in page sessions, kept in the server's memory: a random id (the cookie), the person, and
/// the CSRF token every form of that session carries. Sessions end at sign-out, after `lifetime`,
/// or when the server stops.
public final class SessionStore: @unchecked Sendable {
    struct Session {
        var person: AuthenticatedPerson
        var csrf: String
        var expires: Date
    }

    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    let lifetime: TimeInterval

    public init(lifetime: TimeInterval = 8 * 3600) { self.lifetime = lifetime }

    /// Starts a session; returns its id and CSRF token.
    func start(_ person: AuthenticatedPerson, at now: Date) -> (id: String, csrf: String) {
        let id = Self.random()
        let csrf = Self.random()
        lock.lock()
        defer { lock.unlock() }
        sessions = sessions.filter { $0.value.expires > now }
        sessions[id] = Session(person: person, csrf: csrf, expires: now.addingTimeInterval(lifetime))
        return (id, csrf)
    }

    func session(_ id: String, at now: Date) -> Session? {
        lock.lock()
        defer { lock.unlock() }
        guard let session = sessions[id], session.expires > now else { return nil }
        return session
    }

    func end(_ id: String) {
        lock.lock()
        defer { lock.unlock() }
        sessions[id] = nil
    }

    /// 32 random bytes, as URL-safe base64.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

import Foundation
import WorkflowCore

/// Every force's staff register as its changes built it: each person's entry as it stood at any
/// time, and who holds a token. A value, rebuilt from the store's register log.
public struct StaffRegister: Sendable {
    public let changes: [RegisterChange]
    private let byPerson: [Key: [RegisterChange]]
    private let tokenHolders: [String: Key]

    struct Key: Hashable {
        var force: String
        var id: String
    }

    public init(_ changes: [RegisterChange]) {
        self.changes = changes
        var byPerson: [Key: [RegisterChange]] = [:]
        var latestToken: [Key: String] = [:]
        for change in changes {
            let key = Key(force: change.force, id: change.entry.id)
            // A token's issue repeats the entry; it is not a version of it. Nor is a key's rotation
            // or an import, which name their administrator's entry only to say who made them.
            if change.kind == .token {
                if let tokenHash = change.tokenHash { latestToken[key] = tokenHash }
            } else if change.kind == .rotateKey || change.kind == .importHistory {
                continue
            } else {
                byPerson[key, default: []].append(change)
            }
        }
        self.byPerson = byPerson
        // A new token replaces the person's earlier ones.
        self.tokenHolders = Dictionary(latestToken.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// No force has a register: actors are taken as given (a trial store).
    public var isEmpty: Bool { changes.isEmpty }

    public func forceHasRegister(_ force: String) -> Bool { changes.contains { $0.force == force } }

    /// The person a token was issued to, if it is their current token.
    public func holder(ofTokenHash hash: String) -> (force: String, id: String)? {
        tokenHolders[hash].map { ($0.force, $0.id) }
    }

    /// The change a register version (`essex#9`) names, if it is on record.
    public func change(version: String) -> RegisterChange? {
        changes.first { $0.version == version }
    }

    /// The person's entry as it now stands (their latest change), if they are on the force's register.
    public func latest(force: String, id: String) -> RegisterChange? {
        byPerson[Key(force: force, id: Identifier.normalized(id))]?.last
    }

    /// The version of the person's entry that applied at `instant`: the latest change effective
    /// by then (changes made later but effective earlier count from their effective time).
    public func entry(force: String, id: String, at instant: Date) -> RegisterChange? {
        byPerson[Key(force: force, id: Identifier.normalized(id))]?
            .filter { $0.effective <= instant }
            .max { ($0.effective, $0.sequence) < ($1.effective, $1.sequence) }
    }

    /// Every person on a force's register (or every force's), as their entries now stand, by force and id.
    public func entries(force: String?) -> [RegisterChange] {
        byPerson.filter { force == nil || $0.key.force == force }.compactMap(\.value.last)
            .sorted { ($0.force, $0.entry.id) < ($1.force, $1.entry.id) }
    }
}

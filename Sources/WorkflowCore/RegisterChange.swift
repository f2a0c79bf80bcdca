import Foundation

/// One change to a force's staff register, kept in a hash-chained, append-only log of its own:
/// what the entry became, from when, who changed it and why. A token's issue is a change too; it
/// carries only the SHA-256 of the token, never the token.
public struct RegisterChange: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The first administrator, created when the store is initialised.
        case initialise
        case add
        case update
        case retire
        /// A new personal token; it replaces the person's earlier ones.
        case token
        /// A new key for the record (`safeguard key rotate`): rows written from this change's
        /// `recordedAt` on are MAC'd under `keyID`; the entry is the administrator's who rotated it.
        case rotateKey = "rotate_key"
        /// A run of `apply --import-as` (history from an older system): the events it writes name
        /// this change as their `registerVersion`, so each carries who imported it and why.
        /// The entry is the administrator's who ran it; `importAs` the identity it imports under.
        case importHistory = "import"
    }

    public var force: String
    /// 1 for the force's first change, then one more for each.
    public var sequence: Int
    public var kind: Kind
    /// The entry as it stands after the change.
    public var entry: StaffEntry
    /// From when this version of the entry applies to events.
    public var effective: Date
    /// SHA-256 (hex) of the token issued, for `.token`.
    public var tokenHash: String?
    /// The id of the key that is current from this change on, for `.rotateKey` (never the key).
    public var keyID: String?
    /// The identity history is imported under, for `.importHistory` (`LEGACY`).
    public var importAs: String?
    /// The administrator who made the change.
    public var by: String
    public var reason: String
    public var recordedAt: Date
    /// The chain as stored: the hash of the change before (in the whole register log) and this one's.
    public var previousHash: String
    public var hash: String
    /// The hash's MAC under the record's key, `<key id>:<hex>` (nil when the store has no key).
    public var mac: String?

    public init(
        force: String, sequence: Int, kind: Kind, entry: StaffEntry, effective: Date, tokenHash: String? = nil, by: String,
        reason: String, recordedAt: Date, previousHash: String = "", hash: String = "", mac: String? = nil, keyID: String? = nil,
        importAs: String? = nil
    ) {
        self.importAs = importAs
        self.mac = mac
        self.keyID = keyID
        self.force = force
        self.sequence = sequence
        self.kind = kind
        self.entry = entry
        self.effective = effective
        self.tokenHash = tokenHash
        self.by = by
        self.reason = reason
        self.recordedAt = recordedAt
        self.previousHash = previousHash
        self.hash = hash
    }

    /// `essex#4`: how an event names the register version that gave its actor's role.
    public var version: String { "\(force)#\(sequence)" }
}

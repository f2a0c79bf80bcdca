import Foundation

/// One person on a force's staff register, as one version of their entry stands: who they are,
/// the ranks and staff roles they hold (`administrator` may change the register), and the dates
/// between which the entry is valid.
public struct StaffEntry: Sendable, Hashable {
    /// A collar or staff number.
    public var id: String
    /// The display name: personal data, never in error text or logs.
    public var name: String
    public var force: String
    /// Ranks and staff roles held, e.g. `["superintendent", "administrator"]`.
    public var roles: [String]
    public var validFrom: Date
    /// When the entry stops being valid (retirement, the end of a posting); nil for open-ended.
    public var validUntil: Date?

    public static let administrator = "administrator"

    public init(id: String, name: String, force: String, roles: [String], validFrom: Date, validUntil: Date? = nil) {
        self.id = Identifier.normalized(id)
        self.name = name
        self.force = force
        self.roles = roles
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Whether the entry is valid at `instant`: on or after its start and before its end.
    public func isValid(at instant: Date) -> Bool {
        validFrom <= instant && (validUntil.map { instant < $0 } ?? true)
    }
}

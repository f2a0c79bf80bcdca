/// Who may fire an event: a minimum rank, and any staff roles a procedure adds
/// (a force's `legal_officer`, say).
public struct RoleRequirement: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Officers of this rank or above may fire; nil means no officer by rank alone.
    public var minimumRank: Rank?
    /// Staff roles that may fire whatever their rank.
    public var staffRoles: [String]

    public init(minimumRank: Rank? = .constable, staffRoles: [String] = []) {
        self.minimumRank = minimumRank
        self.staffRoles = staffRoles
    }

    public func permits(_ role: String) -> Bool {
        if let rank = Rank(name: role), let minimum = minimumRank { return rank >= minimum }
        return staffRoles.contains(role)
    }

    /// `superintendent or above`, `constable or above, or legal_officer`
    public var description: String {
        var parts: [String] = []
        if let minimumRank { parts.append(minimumRank == .commissioner ? "commissioner" : "\(minimumRank.name) or above") }
        parts += staffRoles
        if parts.isEmpty { return "nobody" }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + ", or " + parts.last!
    }
}

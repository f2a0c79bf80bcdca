/// A person a credential identifies: their id (collar or staff number), the roles they hold, and
/// the force whose register they are on (nil when the authenticator does not say).
public struct AuthenticatedPerson: Sendable, Hashable {
    public var id: String
    public var roles: [String]
    public var force: String?

    public init(id: String, roles: [String], force: String? = nil) {
        self.id = id
        self.roles = roles
        self.force = force
    }

    /// The role a request acts in: the one asked for, if held, else the first held.
    func role(_ asked: String?) -> String? {
        guard let asked, !asked.isEmpty else { return roles.first }
        return roles.contains(asked) ? asked : nil
    }
}

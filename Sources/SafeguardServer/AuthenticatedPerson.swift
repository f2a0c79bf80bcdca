/// A person the staff register identified by their token: their id (collar or staff number), the
/// roles their entry holds now and their force. The token is kept, in memory only, to lend to the
/// case work each of their requests runs, so every write is checked against the register at the
/// event's time; it is never printed (see `description`).
public struct AuthenticatedPerson: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var roles: [String]
    public var force: String
    let token: String

    init(id: String, roles: [String], force: String, token: String) {
        self.id = id
        self.roles = roles
        self.force = force
        self.token = token
    }

    public var description: String { "\(id) (\(force): \(roles.joined(separator: ", ")))" }
}

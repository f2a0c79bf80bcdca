/// Who fires an event: an id (collar number, staff number, or `engine` for the clock) and a role.
/// Where the store keeps a staff register, the actor is the authenticated person: `authentication`
/// says how they were known (`token`, `engine`, `batch:ADM1` for an `apply` run by ADM1,
/// `import:LEGACY` for history imported under a named identity) and `registerVersion` which
/// version of their register entry gave the role (`essex#4`: the force's fourth register change).
public struct Actor: Sendable, Hashable, Codable {
    public var id: String
    public var role: String
    public var authentication: String?
    public var registerVersion: String?

    public init(id: String, role: String, authentication: String? = nil, registerVersion: String? = nil) {
        self.id = id
        self.role = role
        self.authentication = authentication
        self.registerVersion = registerVersion
    }

    /// The engine's own clock, which fires `tick`'s transitions.
    public static let engineClock = Actor(id: "engine", role: "engine")

    /// The id and role the engine's clock alone may act under.
    public var claimsEngine: Bool { id == Actor.engineClock.id || role == Actor.engineClock.role }
}

/// Who fires an event: an id (collar number, staff number, or `engine` for the clock) and a role.
public struct Actor: Sendable, Hashable, Codable {
    public var id: String
    public var role: String

    public init(id: String, role: String) {
        self.id = id
        self.role = role
    }

    /// The engine's own clock, which fires `tick`'s transitions.
    public static let engineClock = Actor(id: "engine", role: "engine")
}

/// A force plugin as declared: which workflow it extends, for which forces, and where it sits in
/// the layering order.
public struct PluginInfo: Sendable, Hashable {
    public var name: String
    public var version: String
    public var extends: String
    /// Lower goes first; ties break by name, so load order is always deterministic.
    public var order: Int
    public var forces: [String]
    /// Plugins this one comes after, and so wins over where both change the same thing.
    public var after: [String]
    public var summary: String
    public var location: SourceLocation

    public init(
        name: String, version: String, extends: String, order: Int, forces: [String], after: [String], summary: String,
        location: SourceLocation
    ) {
        self.name = name
        self.version = version
        self.extends = extends
        self.order = order
        self.forces = forces
        self.after = after
        self.summary = summary
        self.location = location
    }
}

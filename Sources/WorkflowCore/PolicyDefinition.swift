/// A setting a plugin declares, with a type, a default and a one-sentence summary, so that
/// validation and documentation come from one place; and the value layering gave it.
public struct PolicyDefinition: Sendable, Hashable {
    public var name: String
    public var plugin: String
    public var type: PolicyType
    public var defaultValue: Value
    public var value: Value
    public var summary: String
    /// A statutory limit of the workflow every number in the value must stay within.
    public var within: String?
    public var location: SourceLocation
    /// Where the value was set, when it is not the default.
    public var setAt: SourceLocation?

    public init(
        name: String, plugin: String, type: PolicyType, defaultValue: Value, summary: String, within: String?,
        location: SourceLocation
    ) {
        self.name = name
        self.plugin = plugin
        self.type = type
        self.defaultValue = defaultValue
        self.value = defaultValue
        self.summary = summary
        self.within = within
        self.location = location
    }
}

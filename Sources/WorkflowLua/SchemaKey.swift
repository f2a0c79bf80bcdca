import WorkflowCore

/// One key a declaration may have: its name (or, for `{ "text", … }`, its position), its type,
/// and whether the declaration must have it.
public struct SchemaKey: Sendable, Hashable {
    /// How scripts and editors name it: `personal`, or `[1]` for the first positional value.
    public var name: String
    /// The position of a positional value (1 for `[1]`); nil for a named key.
    public var position: Int?
    public var type: SchemaType
    public var required: Bool

    public init(_ name: String, _ type: SchemaType, required: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
    }

    /// The value at `position` of the declaration's table.
    public init(position: Int, _ type: SchemaType, required: Bool = false) {
        self.name = "[\(position)]"
        self.position = position
        self.type = type
        self.required = required
    }

    var value: Value {
        var table: [String: Value] = ["name": .string(name), "type": type.value, "required": .bool(required)]
        if let position { table["position"] = .integer(position) }
        return .object(table)
    }
}

import WorkflowCore

/// One kind of declaration (an event, a field, a clock…): the keys its table may have, and the
/// class `Definitions/engine.lua` documents it as for administrators' editors.
public struct DeclarationKind: Sendable, Hashable {
    /// `event`, `field`, `clock`: the name the prelude checks a table against.
    public var name: String
    /// The LuaCATS class in `Definitions/engine.lua`: `EventSpec`.
    public var editorClass: String
    public var keys: [SchemaKey]

    public init(_ name: String, editorClass: String, keys: [SchemaKey]) {
        self.name = name
        self.editorClass = editorClass
        self.keys = keys
    }

    var value: Value { .object(["keys": .array(keys.map(\.value))]) }
}

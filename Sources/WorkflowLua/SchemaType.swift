import WorkflowCore

/// The type a declaration's key takes, as `DeclarationSchema` states it. The prelude checks values
/// against it; `expected` is the phrase error messages use for it.
public indirect enum SchemaType: Sendable, Hashable {
    case boolean
    case text
    /// A lower_case name: `serve_notice`.
    case name
    /// A name or a list of names (each checked, with its index, where the list is read).
    case names
    /// A whole number.
    case integer
    case number
    /// Any value but nil.
    case any
    /// Text that is one of these words.
    case word([String])
    /// A list whose items are each of a type.
    case list(SchemaType)
    /// A table from names to values of a type (its entries are checked where they are read).
    case map(SchemaType)
    /// A table that is itself a declaration of the named kind.
    case declaration(String)
    /// A value of any one of these types.
    case either([SchemaType])

    /// What a value of this type looks like, for "must be …" and "needs … = …" in error text.
    public var expected: String {
        switch self {
        case .boolean: "a boolean"
        case .text: "text"
        case .name: "a lower_case name"
        case .names: "a name or a list of names"
        case .integer: "a whole number"
        case .number: "a number"
        case .any: "a value"
        case .word(let words): "one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
        case .list(let item): "a list whose items are each " + item.expected
        case .map: "a table keyed by name"
        case .declaration: "a table"
        case .either(let options): options.map(\.expected).joined(separator: " or ")
        }
    }

    /// The type as the prelude reads it: `{ kind = "word", words = {...}, expected = "..." }`.
    var value: Value {
        var table: [String: Value] = ["expected": .string(expected)]
        switch self {
        case .boolean: table["kind"] = "boolean"
        case .text: table["kind"] = "text"
        case .name: table["kind"] = "name"
        case .names: table["kind"] = "names"
        case .integer: table["kind"] = "integer"
        case .number: table["kind"] = "number"
        case .any: table["kind"] = "any"
        case .word(let words):
            table["kind"] = "word"
            table["words"] = .array(words.map(Value.string))
        case .list(let item):
            table["kind"] = "list"
            table["of"] = item.value
        case .map(let item):
            table["kind"] = "map"
            table["of"] = item.value
        case .declaration(let kind):
            table["kind"] = "declaration"
            table["declaration"] = .string(kind)
        case .either(let options):
            table["kind"] = "either"
            table["options"] = .array(options.map(\.value))
        }
        return .object(table)
    }
}

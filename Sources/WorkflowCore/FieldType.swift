/// The type an event's data field must have.
public enum FieldType: Sendable, Hashable, Codable, CustomStringConvertible {
    case text
    case boolean
    case integer
    case number
    /// `YYYY-MM-DD`
    case date
    /// ISO 8601 with an offset
    case instant
    /// Text that must be one of these words.
    case oneOf([String])
    /// Any value, for a field whose type is another field's (`correct_record`'s `corrected_value`
    /// takes the type of the field it corrects, which the engine checks).
    case any

    /// Every type but `oneOf`, in the order scripts and messages list them.
    public static let scalarTypes: [FieldType] = [.text, .boolean, .integer, .number, .date, .instant, .any]

    /// What a value of this type looks like, for "expected …" in error text.
    public var description: String {
        switch self {
        case .text: "text"
        case .boolean: "true or false"
        case .integer: "a whole number"
        case .number: "a number"
        case .date: "a date YYYY-MM-DD"
        case .instant: "a time in " + Instant.expected
        case .oneOf(let words): "one of: " + words.joined(separator: ", ")
        case .any: "a value"
        }
    }

    /// The short name scripts use: `text`, `boolean`, `integer`, `number`, `date`, `instant`, `any`, `one_of`.
    public var name: String {
        switch self {
        case .text: "text"
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .date: "date"
        case .instant: "instant"
        case .oneOf: "one_of"
        case .any: "any"
        }
    }

    /// The value in its stored form (an instant normalised to UTC), or nil when it does not fit.
    /// Empty or blank text does not fit any text type: "none made" is an answer, "" is not.
    public func accept(_ value: Value) -> Value? {
        switch (self, value) {
        case (.text, .string(let s)):
            return s.allSatisfy(\.isWhitespace) ? nil : value
        case (.boolean, .bool):
            return value
        case (.integer, _):
            return value.integerValue.map(Value.integer)
        case (.number, .integer), (.number, .number):
            return value
        case (.date, .string(let s)):
            return LocalDate(iso: s) == nil ? nil : value
        case (.instant, .string(let s)):
            return Instant.parse(s).map { .string(Instant.formatUTC($0)) }
        case (.oneOf(let words), .string(let s)):
            return words.contains(s) ? value : nil
        case (.any, .null):
            return nil
        case (.any, _):
            return value
        default:
            return nil
        }
    }
}

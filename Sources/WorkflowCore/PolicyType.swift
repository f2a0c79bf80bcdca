/// The type of a plugin policy's value.
public enum PolicyType: String, Sendable, Hashable, CaseIterable {
    case integer
    case number
    case text
    case boolean
    case integerList = "integer_list"
    case textList = "text_list"

    /// Whether a value is of this type (lists non-empty, text non-empty).
    public func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.integer, .integer), (.number, .integer), (.number, .number), (.boolean, .bool): true
        case (.text, .string(let s)): !s.isEmpty
        case (.integerList, .array(let items)): !items.isEmpty && items.allSatisfy { PolicyType.integer.accepts($0) }
        case (.textList, .array(let items)): !items.isEmpty && items.allSatisfy { PolicyType.text.accepts($0) }
        default: false
        }
    }

    /// The numbers in a value of this type, for checking against a statutory limit.
    public func numbers(in value: Value) -> [Double] {
        switch value {
        case .integer(let i): [Double(i)]
        case .number(let d): [d]
        case .array(let items): items.flatMap { numbers(in: $0) }
        default: []
        }
    }

    public var description: String {
        switch self {
        case .integer: "a whole number"
        case .number: "a number"
        case .text: "text"
        case .boolean: "true or false"
        case .integerList: "a list of whole numbers"
        case .textList: "a list of text"
        }
    }
}

/// One item of data an event takes.
public struct FieldSpec: Sendable, Hashable {
    /// When the field must be given.
    public enum Requirement: Sendable, Hashable, CustomStringConvertible {
        case required
        case optional
        /// Required when the named boolean field is true (`other_residents_opinion` when
        /// `premises_conditions`).
        case requiredIf(String)
        /// Required unless the named boolean field is true (`hearing_address` unless `address_refused`).
        case requiredUnless(String)

        public var description: String {
            switch self {
            case .required: "required"
            case .optional: "optional"
            case .requiredIf(let other): "required when \(other) is true"
            case .requiredUnless(let other): "required unless \(other) is true"
            }
        }
    }

    public var name: String
    public var type: FieldType
    public var requirement: Requirement
    /// One sentence for `procedure` and editors.
    public var summary: String
    /// Whether the field holds personal data (names, addresses, dates of birth).
    public var personal: Bool
    /// The name the case keeps this field under (`grant_order`'s `days` as `order_days`): the field
    /// is case data, and a correction of either name corrects both.
    public var caseField: String?
    /// The field is case data under its own name (`case = true`): the case keeps the latest value.
    public var onCase: Bool = false

    /// The name the case keeps this field under, or nil when it stays on the event only.
    public var caseName: String? { caseField ?? (onCase ? name : nil) }
    public var location: SourceLocation

    public init(
        name: String, type: FieldType, requirement: Requirement = .required, summary: String = "",
        personal: Bool = false, onCase: Bool = false, location: SourceLocation = .builtIn
    ) {
        self.onCase = onCase
        self.name = name
        self.type = type
        self.requirement = requirement
        self.summary = summary
        self.personal = personal
        self.location = location
    }

    /// Whether this field must be present, given the rest of the event's data.
    public func isRequired(given data: [String: Value]) -> Bool {
        switch requirement {
        case .required: true
        case .optional: false
        case .requiredIf(let other): data[other]?.boolValue == true
        case .requiredUnless(let other): data[other]?.boolValue != true
        }
    }
}

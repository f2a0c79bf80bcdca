import WorkflowCore

/// Every kind of declaration a script makes, with its keys and their types, and the vocabularies
/// they use (ranks, field types, day categories, clock rules, policy types), defined once here and
/// handed to the prelude at start-up. The prelude refuses a declaration with an unknown key or a key
/// of the wrong type at the script's `file:line`; `Definitions/engine.lua` is checked against it.
public struct DeclarationSchema: Sendable {
    public var kinds: [DeclarationKind]

    public static let ranks = Rank.allCases.map(\.name)
    /// Each rank's seniority, in the order of `ranks`: equivalent ranks share one.
    public static let rankLevels = Rank.allCases.map(\.level)
    public static let fieldTypes = FieldType.scalarTypes.map(\.name)
    public static let dayCategories = DayCategory.allCases.map(\.rawValue)
    /// The first is the default.
    public static let unsettledDays = CountedHours.UnsettledDays.allCases.map(\.rawValue)
    public static let clockRules = ["order_period", "counted_hours", "elapsed", "calendar_days", "working_days", "until_date"]
    public static let policyTypes = PolicyType.allCases.map(\.rawValue)

    public static let standard = DeclarationSchema(kinds: [
        DeclarationKind(
            "workflow", editorClass: "WorkflowSpec",
            keys: [
                SchemaKey("name", .name, required: true),
                SchemaKey("title", .text),
                SchemaKey("staff_roles", .names),
            ]),
        DeclarationKind(
            "state_options", editorClass: "StateOptions",
            keys: [
                SchemaKey("final", .boolean)
            ]),
        DeclarationKind(
            "event", editorClass: "EventSpec",
            keys: [
                SchemaKey("opens", .boolean),
                SchemaKey("from", .either([.word(["*"]), .names])),
                SchemaKey("to", .name),
                SchemaKey("who", .names),
                SchemaKey("data", .map(.either([.word(fieldTypes), .declaration("field")]))),
                SchemaKey("summary", .text),
                SchemaKey("statutory", .boolean),
                SchemaKey("who_rule", .text),
                SchemaKey("corrects", .boolean),
            ]),
        DeclarationKind(
            "field", editorClass: "FieldSpec",
            keys: [
                SchemaKey(position: 1, .word(fieldTypes)),
                SchemaKey("type", .word(fieldTypes + ["one_of"])),
                SchemaKey("one_of", .names),
                SchemaKey("required", .boolean),
                SchemaKey("required_if", .name),
                SchemaKey("required_unless", .name),
                SchemaKey("personal", .boolean),
                SchemaKey("case", .boolean),
                SchemaKey("case_field", .name),
                SchemaKey("summary", .text),
            ]),
        DeclarationKind(
            "clock", editorClass: "ClockSpec",
            keys: [
                SchemaKey("rule", .word(clockRules), required: true),
                SchemaKey("hours", .either([.integer, .declaration("policy_reference")])),
                SchemaKey("days_field", .name),
                SchemaKey("days", .integer),
                SchemaKey("date_field", .name),
                SchemaKey("disregard", .list(.word(dayCategories))),
                SchemaKey("unsettled_days", .word(unsettledDays)),
                SchemaKey("capped_by", .name),
                SchemaKey("planned_by", .name),
                SchemaKey("started_by", .names, required: true),
                SchemaKey("met_by", .names),
                SchemaKey("stopped_by", .names),
                SchemaKey("fires", .name),
                SchemaKey("on_missed", .name),
                SchemaKey("decided_by", .name),
                SchemaKey("summary", .text),
            ]),
        DeclarationKind(
            "policy_reference", editorClass: "PolicyReference",
            keys: [
                SchemaKey("policy", .name, required: true)
            ]),
        DeclarationKind(
            "limit", editorClass: "LimitSpec",
            keys: [
                SchemaKey("min", .number, required: true),
                SchemaKey("max", .number, required: true),
                SchemaKey("rule", .text),
            ]),
        DeclarationKind(
            "figure", editorClass: "FigureSpec",
            keys: [
                SchemaKey(position: 1, .name, required: true),
                SchemaKey("count", .name),
                SchemaKey("cases", .name),
                SchemaKey("with", .name),
                SchemaKey("without", .name),
                SchemaKey("tally", .name),
                SchemaKey("mean", .name),
                SchemaKey("field", .name),
                SchemaKey("clock", .name),
                SchemaKey("status", .word(["met", "missed"])),
                SchemaKey("median_hours", .name),
                SchemaKey("clocks_met_by", .name),
                SchemaKey("rate", .name),
                SchemaKey("of", .names),
            ]),
        DeclarationKind(
            "plugin", editorClass: "PluginSpec",
            keys: [
                SchemaKey("name", .name, required: true),
                SchemaKey("version", .text, required: true),
                SchemaKey("extends", .name, required: true),
                SchemaKey("forces", .names, required: true),
                SchemaKey("order", .integer),
                SchemaKey("after", .names),
                SchemaKey("summary", .text),
                SchemaKey("policies", .map(.declaration("policy"))),
            ]),
        DeclarationKind(
            "policy", editorClass: "PolicySpec",
            keys: [
                SchemaKey("type", .word(policyTypes), required: true),
                SchemaKey("default", .any, required: true),
                SchemaKey("summary", .text, required: true),
                SchemaKey("within", .name),
            ]),
    ])

    public func kind(_ name: String) -> DeclarationKind? { kinds.first { $0.name == name } }

    /// The schema as the prelude reads it (`P.schema`).
    var value: Value {
        func words(_ list: [String]) -> Value { .array(list.map(Value.string)) }
        return .object([
            "ranks": words(Self.ranks), "rank_levels": .array(Self.rankLevels.map(Value.integer)), "field_types": words(Self.fieldTypes),
            "day_categories": words(Self.dayCategories),
            "unsettled_days": words(Self.unsettledDays), "clock_rules": words(Self.clockRules),
            "policy_types": words(Self.policyTypes),
            "kinds": .object(Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0.value) })),
        ])
    }
}

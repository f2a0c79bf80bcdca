/// An event a workflow takes: where it may be fired from, where it leads, who may fire it,
/// the data it needs, and the guards and actions that run on it.
public struct EventDefinition {
    /// The states an event may be fired in.
    public enum Origin: Sendable, Hashable {
        /// The event opens a new case.
        case newCase
        case states([String])
        /// Any state that is not final (`close`).
        case anyNonFinal

        /// Whether an event of this origin may be fired in `state` (final or not).
        public func allows(_ state: String, isFinal: Bool) -> Bool {
            switch self {
            case .newCase: false
            case .states(let states): states.contains(state)
            case .anyNonFinal: !isFinal
            }
        }
    }

    public var name: String
    public var origin: Origin
    /// The state the event leads to; nil keeps the case where it is.
    public var target: String?
    public var who: RoleRequirement
    public var fields: [FieldSpec]
    public var guards: [Guard]
    public var actions: [Action]
    public var summary: String
    public var location: SourceLocation
    /// Who may fire it is set by statute (a superintendent authorises; a constable serves): a
    /// plugin may raise the rank but never lower it or add staff roles.
    public var statutoryWho: Bool
    /// Where plugins changed who may fire it (`allow`, `require_rank`).
    public var whoChangedAt: [SourceLocation] = []
    /// The provision that says who may fire it, for the refusal of a rank below it:
    /// `Crime and Security Act 2010 s.24(1)`.
    public var whoRule: String?
    /// The event corrects one item of case data (`correct_record`): the engine checks the value
    /// against the field's declaration and re-derives the clocks that depend on it.
    public var corrects: Bool = false

    public init(
        name: String, origin: Origin, target: String?, who: RoleRequirement = RoleRequirement(),
        fields: [FieldSpec] = [], guards: [Guard] = [], actions: [Action] = [], summary: String = "",
        location: SourceLocation = .builtIn, statutoryWho: Bool = false
    ) {
        self.statutoryWho = statutoryWho
        self.name = name
        self.origin = origin
        self.target = target
        self.who = who
        self.fields = fields
        self.guards = guards
        self.actions = actions
        self.summary = summary
        self.location = location
    }

    public func field(named name: String) -> FieldSpec? { fields.first { $0.name == name } }

    /// Whether the event names `state` among those it may be fired from: the only way an event is
    /// allowed in a final state (`from = "*"` means every state that is not final).
    public func namesOrigin(_ state: String) -> Bool {
        if case .states(let states) = origin { return states.contains(state) }
        return false
    }

    /// Whether only the engine's clock fires it (`tick`): such events are not offered to people.
    public var isEngineOnly: Bool { who.minimumRank == nil && who.staffRoles == [Actor.engineClock.role] }
}

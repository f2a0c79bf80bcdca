/// A deadline a workflow keeps: which event starts it, how it is computed, which events meet it.
public struct ClockDefinition: Sendable, Hashable {
    /// How the deadline is computed from the starting event.
    public enum Rule: Sendable, Hashable {
        /// An order's period: whole local days beginning with the day of the starting event,
        /// ending at the end of the last day; the number of days is the named field of that event
        /// (domain.md §2, engine rules).
        case orderPeriod(daysField: String)

        /// Whether meeting the clock after its deadline counts as missing it. An order's end is
        /// reached, not missed, however late `expire_order` is recorded.
        public var lateMeansMissed: Bool {
            switch self {
            case .orderPeriod: false
            }
        }
    }

    public var name: String
    public var rule: Rule
    /// Events that start (or restart) the clock.
    public var startedBy: [String]
    /// Events that meet the clock.
    public var metBy: [String]
    /// Events after which the deadline no longer applies (the case was closed).
    public var stoppedBy: [String]
    /// The event the engine's clock fires when the deadline passes (`expire_order`), if any.
    public var fires: String?
    public var summary: String
    public var location: SourceLocation

    public init(
        name: String, rule: Rule, startedBy: [String], metBy: [String] = [], stoppedBy: [String] = [],
        fires: String? = nil, summary: String = "", location: SourceLocation = .builtIn
    ) {
        self.name = name
        self.rule = rule
        self.startedBy = startedBy
        self.metBy = metBy
        self.stoppedBy = stoppedBy
        self.fires = fires
        self.summary = summary
        self.location = location
    }
}

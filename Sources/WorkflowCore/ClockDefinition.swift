/// A deadline a workflow keeps: which event starts it, how it is computed, which events meet it.
public struct ClockDefinition: Sendable, Hashable {
    /// How the deadline is computed from the starting event.
    public enum Rule: Sendable, Hashable {
        /// An order's period: whole local days beginning with the day of the starting event,
        /// ending at the end of the last day; the number of days is the named field of that event
        /// (CSA 2010 s.28(10)).
        case orderPeriod(daysField: String)
        /// N hours of counted time from the starting event.
        case countedHours(CountedHours)
        /// N hours of real time from the starting event, every day counted (a visit schedule).
        case elapsed(hours: Int)
        /// A fixed number of whole local days beginning with the day of the starting event, ending
        /// at the end of the last day; meeting it later is missing it (a duty to notify "within 3
        /// days beginning with the day" something happened).
        case calendarDays(days: Int)
        /// To the end of the local date held in the named field of the starting event; no deadline
        /// when the field is absent (an order "until further order").
        case untilDate(dateField: String)
        /// A number of working days after the day of the starting event (that day is day 0):
        /// Saturdays, Sundays and every day in the bank-holiday table are not working days; the
        /// deadline is the end of the last working day (a target measured in working days).
        case workingDays(days: Int)

        /// Whether meeting the clock after its deadline counts as missing it. An order's end is
        /// reached, not missed, however late `expire_order` is recorded.
        public var lateMeansMissed: Bool {
            switch self {
            case .orderPeriod, .untilDate: false
            case .countedHours, .elapsed, .calendarDays, .workingDays: true
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
    /// A case-data instant that brings the deadline forward when it is sooner: for a notice
    /// breach, the hearing already listed (`listed_for`, CSA 2010 s.26(2)).
    public var cappedBy: String?
    /// A case-data instant saying when the deadline is planned to be met (for a hearing clock, the
    /// time the court listed it, `listed_for`): `due` flags a deadline planned for after it falls.
    public var plannedBy: String?
    /// The event `tick` fires to record that the deadline passed unmet; it carries `clock`.
    public var onMissed: String?
    /// The event a person fires to record what was decided about a missed deadline; it carries
    /// `clock` and `decision`.
    public var decidedBy: String?
    public var summary: String
    public var location: SourceLocation

    public init(
        name: String, rule: Rule, startedBy: [String], metBy: [String] = [], stoppedBy: [String] = [],
        fires: String? = nil, cappedBy: String? = nil, plannedBy: String? = nil, onMissed: String? = nil,
        decidedBy: String? = nil, summary: String = "", location: SourceLocation = .builtIn
    ) {
        self.name = name
        self.rule = rule
        self.startedBy = startedBy
        self.metBy = metBy
        self.stoppedBy = stoppedBy
        self.fires = fires
        self.cappedBy = cappedBy
        self.plannedBy = plannedBy
        self.onMissed = onMissed
        self.decidedBy = decidedBy
        self.summary = summary
        self.location = location
    }
}

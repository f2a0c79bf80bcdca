/// A figure `safeguard report` counts for a workflow, declared by the workflow as data:
/// `{ "orders_granted", count = "grant_order" }`.
public struct FigureDefinition: Sendable, Hashable {
    /// What a figure counts.
    public enum Measure: Sendable, Hashable {
        /// Each time the event happened, in the group of its time.
        case count(event: String)
        /// Each case where the event happened and `other` also did (or never did, when `present`
        /// is false), once, in the group of the event's last time.
        case cases(event: String, other: String, present: Bool)
        /// The values of the event's field, each counted.
        case tally(event: String, field: String)
        /// The mean of the event's numeric field, to one decimal place; null with none.
        case mean(event: String, field: String)
        /// The clock's deadlines that ended met or missed, in the group of their start.
        case clock(String, status: Deadline.Status)
        /// The median hours from the clock's start to its end (met, or missed and then met), to
        /// one decimal place; a deadline closed by the clock's own missed event is left out.
        case medianHours(clock: String)
        /// The deadlines of the clocks the event meets (visit schedules), in the group of their
        /// start; with a status, only those that ended so (`missed`: visits missed).
        case clocksMetBy(event: String, status: Deadline.Status? = nil)
        /// One figure over the sum of others, as a percentage to one decimal place; null over 0.
        case rate(figure: String, of: [String])
    }

    public var name: String
    public var measure: Measure
    public var location: SourceLocation
    /// The workflow that declares it, set when `report` counts it: figures of two workflows never
    /// add up, whatever their names.
    public var workflow: String = ""

    /// What `report` counts the figure under: `dvpo/orders_granted`.
    public var key: String { key(of: name) }

    /// What `report` counts another figure of the same workflow under (a rate's parts).
    public func key(of figure: String) -> String { "\(workflow)/\(figure)" }

    /// The figure as the named workflow declares it.
    public func declared(by workflow: String) -> FigureDefinition {
        var figure = self
        figure.workflow = workflow
        return figure
    }

    public init(name: String, measure: Measure, location: SourceLocation = .builtIn) {
        self.name = name
        self.measure = measure
        self.location = location
    }
}

/// A whole procedure as values: what the scripts declared, with where each piece came from.
public struct WorkflowDefinition {
    public var name: String
    public var title: String
    public var states: [StateDefinition]
    public var events: [EventDefinition]
    public var clocks: [ClockDefinition]
    /// Roles beyond the ranks that this procedure knows (`legal_officer`).
    public var staffRoles: [String]
    public var location: SourceLocation
    /// The force whose plugins were layered on, if any.
    public var force: String?
    /// The plugins layered on, in the order they were applied.
    public var plugins: [PluginInfo] = []
    /// The plugins' policies with their values.
    public var policies: [PolicyDefinition] = []
    /// The statutory limits plugins' policies must stay within.
    public var limits: [StatutoryLimit] = []
    /// The figures `safeguard report` counts for cases of this workflow, in report order.
    public var figures: [FigureDefinition] = []
    /// The data keys the national procedure's actions record (read from their source at load):
    /// with the national events' fields, data no force's action may write (statutory floor).
    public var nationalRecords: Set<String> = []

    public init(
        name: String, title: String = "", states: [StateDefinition], events: [EventDefinition],
        clocks: [ClockDefinition] = [], staffRoles: [String] = [], location: SourceLocation = .builtIn
    ) {
        self.name = name
        self.title = title
        self.states = states
        self.events = events
        self.clocks = clocks
        self.staffRoles = staffRoles
        self.location = location
    }

    public func state(named name: String) -> StateDefinition? { states.first { $0.name == name } }
    public func event(named name: String) -> EventDefinition? { events.first { $0.name == name } }

    /// The events people may fire in a state, in declaration order (engine-only events left out).
    public func eventsForPeople(in state: String) -> [EventDefinition] {
        events(allowedIn: state).filter { !$0.isEngineOnly }
    }

    /// The events that may be fired in a state, in declaration order.
    public func events(allowedIn state: String) -> [EventDefinition] {
        let isFinal = self.state(named: state)?.isFinal ?? false
        return events.filter { event in event.origin.allows(state, isFinal: isFinal) }
    }

    /// Whether `event` may be fired in a state: `events(allowedIn:)` for one event, without
    /// building the list (the engine asks this on every transition).
    public func allows(_ event: EventDefinition, in state: String) -> Bool {
        event.origin.allows(state, isFinal: self.state(named: state)?.isFinal ?? false)
    }

    /// Whether a role name is a rank, one of this procedure's staff roles, or the engine's own.
    public func knows(role: String) -> Bool {
        Rank(name: role) != nil || staffRoles.contains(role) || role == Actor.engineClock.role
    }

    public func clock(named name: String) -> ClockDefinition? { clocks.first { $0.name == name } }
}

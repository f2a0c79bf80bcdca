/// An order's place in a regime's states: the states a case is in while the order lasts, the clock
/// that ends it, and the provision that fixes its period. Only the national procedure's events
/// (a breach, the court's outcome, the order's expiry) move a case out of these states.
public struct StatutoryOrder: Sendable {
    /// The states a case is in while the order lasts (`order_in_force`, `breach`).
    public let states: Set<String>
    /// The state of an order in force.
    public let inForce: String
    /// The clock whose deadline is the order's end (`order_end`).
    public let endClock: String
    /// The provision (`Crime and Security Act 2010 s.28(10)`).
    public let source: String

    public init(states: Set<String>, inForce: String, endClock: String, source: String) {
        self.states = states
        self.inForce = inForce
        self.endClock = endClock
        self.source = source
    }
}

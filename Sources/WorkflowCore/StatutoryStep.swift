import Foundation

/// A national event whose effect the case's data keeps while the event is in force: the field it
/// records (`served_at`) and the state it enters (`notice_served`). A migration's state map reads
/// them to tell which statutory steps the case's events in force have taken.
public struct StatutoryStep: Sendable, Equatable {
    /// The national event (`serve_notice`).
    public let event: String
    /// The field only that event records, present while it is in force (`served_at`).
    public let field: String
    /// The state the event enters (`notice_served`).
    public let state: String
    /// The provision that requires the step.
    public let source: String

    public init(event: String, field: String, state: String, source: String) {
        self.event = event
        self.field = field
        self.state = state
        self.source = source
    }
}

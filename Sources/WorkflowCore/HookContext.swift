import Foundation

/// What a guard or action is shown: the case as it stands and the event being fired.
/// Hooks read it; they never change it.
public struct HookContext {
    /// The case before the event; nil when the event opens it.
    public var snapshot: CaseSnapshot?
    public var request: TransitionRequest
    /// The event's data after type checks (instants normalised to UTC).
    public var data: [String: Value]
    /// What a hook runtime derives from this context, kept for the transition's next hook: every
    /// guard and action of one transition is shown the same case and event, so they are prepared
    /// once (a context is made per transition, and never changed after its first hook runs).
    public let prepared = PreparedHookArguments()

    public init(snapshot: CaseSnapshot?, request: TransitionRequest, data: [String: Value]) {
        self.snapshot = snapshot
        self.request = request
        self.data = data
    }
}

/// A named check on an event. The procedure's scripts supply it; it only gives a verdict.
public struct Guard {
    /// What a guard decided.
    public enum Verdict: Sendable, Hashable {
        case allow
        /// A refusal, with the reason the officer is shown.
        case refuse(String)
        case failed(ScriptFailure)
    }

    public var name: String
    public var location: SourceLocation
    public var evaluate: (HookContext) -> Verdict

    public init(name: String, location: SourceLocation, evaluate: @escaping (HookContext) -> Verdict) {
        self.name = name
        self.location = location
        self.evaluate = evaluate
    }
}

/// One requirement of the statute for entering a state: the state, the provision, and a test that
/// returns what is missing (`needs superintendent or above; the actor's role is inspector`) or nil.
/// The text never carries personal data.
public struct StatutoryEntryRule: Sendable {
    public let state: String
    /// The provision (`Crime and Security Act 2010 s.24(1)`).
    public let source: String
    public let problem: @Sendable (StatutoryEntry) -> String?

    public init(state: String, source: String, problem: @escaping @Sendable (StatutoryEntry) -> String?) {
        self.state = state
        self.source = source
        self.problem = problem
    }
}

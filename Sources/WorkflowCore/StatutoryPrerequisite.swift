/// The national event a case must have passed before any other event can enter a statutory
/// state: what that state's entry rules need is recorded only by it (`authorise_notice` records
/// the considerations a notice needs, Crime and Security Act 2010 s.24(3)-(5)).
public struct StatutoryPrerequisite: Sendable, Hashable {
    public let event: String
    /// The statute, section and subsection (`Crime and Security Act 2010 s.25(1)`).
    public let source: String

    public init(event: String, source: String) {
        self.event = event
        self.source = source
    }
}

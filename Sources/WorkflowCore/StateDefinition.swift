/// A state a case can be in.
public struct StateDefinition: Sendable, Hashable {
    public var name: String
    /// A final state takes no further events (`expired`, `refused`, `closed`).
    public var isFinal: Bool
    public var summary: String
    public var location: SourceLocation

    public init(name: String, isFinal: Bool = false, summary: String = "", location: SourceLocation = .builtIn) {
        self.name = name
        self.isFinal = isFinal
        self.summary = summary
        self.location = location
    }
}

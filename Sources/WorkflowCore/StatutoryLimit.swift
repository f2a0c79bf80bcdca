/// A bound the statute sets that plugins' policies may not go beyond: an order lasts 14 to 28 days.
public struct StatutoryLimit: Sendable, Hashable {
    public var name: String
    public var min: Double
    public var max: Double
    /// The provision, for error text: "CSA 2010 s.28(10)".
    public var rule: String
    public var location: SourceLocation

    public init(name: String, min: Double, max: Double, rule: String, location: SourceLocation) {
        self.name = name
        self.min = min
        self.max = max
        self.rule = rule
        self.location = location
    }
}

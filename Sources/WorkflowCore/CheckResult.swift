/// One check an event goes through, as `fire --explain` reports it.
public struct CheckResult: Sendable, Hashable {
    /// `state`, `time`, `rank`, `data grounds`, `guard perpetrator_adult`.
    public var check: String
    public var passed: Bool
    /// Why it blocks, or what it found.
    public var detail: String
    public var location: SourceLocation?

    public init(check: String, passed: Bool, detail: String, location: SourceLocation? = nil) {
        self.check = check
        self.passed = passed
        self.detail = detail
        self.location = location
    }
}

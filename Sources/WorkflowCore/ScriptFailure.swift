/// A script that failed while running a hook: a Lua error, an exhausted budget, or a result of
/// the wrong shape, with the script's `file:line` where it is known.
public struct ScriptFailure: Sendable, Hashable, Error {
    /// The script line at fault, when it is known.
    public var location: SourceLocation?
    /// What went wrong, without the location.
    public var reason: String

    /// `file:line: reason`, or the reason alone.
    public var message: String { location.map { "\($0): \(reason)" } ?? reason }

    /// A failure from a message as Lua writes it, `file:line: reason` when it knows the line: the
    /// one place that reads a location back out of text (Lua gives nothing else); from here on
    /// the location is a field.
    public init(message: String) {
        if let (location, rest) = SourceLocation.split(message) {
            self.init(rest, at: location)
        } else {
            self.init(message, at: nil)
        }
    }

    public init(_ reason: String, at location: SourceLocation?) {
        self.reason = reason
        self.location = location
    }
}

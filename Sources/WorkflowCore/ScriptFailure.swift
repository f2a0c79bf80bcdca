/// A script that failed while running a hook: a Lua error, an exhausted budget, or a result of
/// the wrong shape, with the script's `file:line` where it is known.
public struct ScriptFailure: Sendable, Hashable, Error {
    /// The script line at fault, when it is known.
    public var location: SourceLocation?
    /// What went wrong, without the location.
    public var reason: String

    /// `file:line: reason`, or the reason alone.
    public var message: String { location.map { "\($0): \(reason)" } ?? reason }

    public init(message: String) { self.reason = message }

    public init(_ reason: String, at location: SourceLocation?) {
        self.reason = reason
        self.location = location
    }
}

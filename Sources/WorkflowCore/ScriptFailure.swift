/// A script that failed while running a hook: a Lua error, an exhausted budget, or a result of
/// the wrong shape. `message` starts with `file:line:` where the script's line is known.
public struct ScriptFailure: Sendable, Hashable, Error {
    public var message: String

    public init(message: String) { self.message = message }
}

import WorkflowCore

/// What `fire --explain` found: every check in order, and the error `fire` would give (nil when
/// the event would be recorded), which decides the exit code.
public struct Explanation {
    public var checks: [CheckResult]
    public var refusal: WorkflowError?

    public var allowed: Bool { refusal == nil }
}

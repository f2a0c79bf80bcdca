import WorkflowCore

/// Problems found while loading scripts, gathered so `safeguard check` can report them all;
/// loading for a command stops at the first error instead.
public final class Findings {
    public private(set) var errors: [WorkflowError] = []
    public private(set) var warnings: [WorkflowError] = []

    public init() {}

    /// Runs a check; an error it throws is recorded and loading goes on.
    @discardableResult
    func collect(_ body: () throws(WorkflowError) -> Void) -> Bool {
        do throws(WorkflowError) {
            try body()
            return true
        } catch {
            errors.append(error)
            return false
        }
    }

    func warn(_ reason: String, at location: SourceLocation) { warnings.append(.script(reason, at: location)) }

    /// Adds another load's findings, leaving out any already here.
    public func merge(_ other: Findings) {
        for error in other.errors where !errors.contains(error) { errors.append(error) }
        for warning in other.warnings where !warnings.contains(warning) { warnings.append(warning) }
    }
}

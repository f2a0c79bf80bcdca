import Ledger
import WorkflowCore

/// What `verify` finds on one case from its history: its replay's problems, the register versions
/// its events name that the register does not hold, and whether an actor was taken as claimed.
/// Worked out on any worker; `verify` adds each case's findings to its own in case order.
struct CaseFindings {
    var problems: [String] = []
    var registerProblems: [String] = []
    var claimedActors = false
    /// False when the history could not be read (the replay's problem says so).
    var historyRead = true
}

import Foundation

/// A deadline still to be acted on, as the store's index holds it: pending, or missed with no
/// decision recorded yet.
public struct OpenDeadline: Sendable, Hashable {
    public var caseID: String
    public var workflow: String
    public var force: String
    public var clock: String
    public var startedAt: Date
    public var due: Date
    /// `.pending` or `.missed`.
    public var status: Deadline.Status

    public init(caseID: String, workflow: String, force: String, clock: String, startedAt: Date, due: Date, status: Deadline.Status) {
        self.caseID = caseID
        self.workflow = workflow
        self.force = force
        self.clock = clock
        self.startedAt = startedAt
        self.due = due
        self.status = status
    }

    /// The open deadlines of a case: what the index holds for it.
    public static func of(_ snapshot: CaseSnapshot) -> [OpenDeadline] {
        snapshot.deadlines.filter { $0.status == .pending || $0.needsDecision }.map {
            OpenDeadline(
                caseID: snapshot.id, workflow: snapshot.workflow, force: snapshot.force, clock: $0.clock,
                startedAt: $0.startedAt, due: $0.due, status: $0.status)
        }
    }
}

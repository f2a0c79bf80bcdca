import Foundation
import WorkflowCore

/// `due --json`: pending and overdue deadlines across all cases, soonest first, judged at a time.
public struct DueDocument: Encodable {
    public var at: Date
    public var deadlines: [OpenDeadline]

    public init(at: Date, deadlines: [OpenDeadline]) {
        self.at = at
        self.deadlines = deadlines
    }

    /// `pending`, `overdue` (past due, not yet ticked) or `missed` (recorded, awaiting a decision).
    public static func status(_ deadline: OpenDeadline, now: Date) -> String {
        if deadline.status == .missed { return "missed" }
        return deadline.due < now ? "overdue" : "pending"
    }

    public func encode(to encoder: any Encoder) throws {
        try Value.object(["at": Rendering.instant(at), "deadlines": .array(deadlines.map { deadline in
            .object([
                "case": .string(deadline.caseID), "workflow": .string(deadline.workflow), "force": .string(deadline.force),
                "clock": .string(deadline.clock), "started_at": Rendering.instant(deadline.startedAt),
                "due": Rendering.instant(deadline.due), "status": .string(Self.status(deadline, now: at)),
            ])
        })]).encode(to: encoder)
    }
}

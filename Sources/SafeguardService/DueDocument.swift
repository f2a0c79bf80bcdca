import Foundation
import WorkflowCore

/// `due --json`: pending and overdue deadlines across all cases, soonest first, judged at a time.
public struct DueDocument: Encodable {
    public var at: Date
    public var deadlines: [OpenDeadline]
    /// What a person should know of a deadline, by its index: a hearing listed after it falls.
    public var notes: [Int: String]

    public init(at: Date, deadlines: [OpenDeadline], notes: [Int: String] = [:]) {
        self.at = at
        self.deadlines = deadlines
        self.notes = notes
    }

    /// `pending`, `overdue` (past due, not yet ticked) or `missed` (recorded, awaiting a decision).
    public static func status(_ deadline: OpenDeadline, now: Date) -> String {
        if deadline.status == .missed { return "missed" }
        return deadline.due < now ? "overdue" : "pending"
    }

    public func encode(to encoder: any Encoder) throws {
        try Value.object([
            "at": Rendering.instant(at),
            "deadlines": .array(
                deadlines.enumerated().map { index, deadline in
                    var fields: [String: Value] = [
                        "case": .string(deadline.caseID), "workflow": .string(deadline.workflow), "force": .string(deadline.force),
                        "clock": .string(deadline.clock), "started_at": Rendering.instant(deadline.startedAt),
                        "due": Rendering.instant(deadline.due), "status": .string(Self.status(deadline, now: at)),
                    ]
                    fields["note"] = notes[index].map(Value.string)
                    return .object(fields)
                }),
        ]).encode(to: encoder)
    }
}

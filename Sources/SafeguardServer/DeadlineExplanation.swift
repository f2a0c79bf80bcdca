import Foundation
import SafeguardService
import WorkflowCore

/// A case's deadlines, each explained: counted-time clocks day by day (what was counted, what was
/// disregarded and why), elapsed clocks and order periods by their rule.
struct DeadlineExplanation: Sendable {
    var deadline: Deadline
    var rule: String
    var days: [ClockExplanation.Day]
    var tableVersion: String?

    /// The explanations of every deadline of the case, in the case's order.
    static func of(_ snapshot: CaseSnapshot, casework: Casework) throws(WorkflowError) -> [DeadlineExplanation] {
        let engine = try casework.engine(for: snapshot)
        return try snapshot.deadlines.map { deadline throws(WorkflowError) -> DeadlineExplanation in
            guard let clock = engine.workflow.clock(named: deadline.clock) else {
                return DeadlineExplanation(deadline: deadline, rule: "a clock this procedure no longer declares", days: [], tableVersion: nil)
            }
            switch clock.rule {
            case .countedHours(let rule):
                guard let table = engine.calendar else {
                    return DeadlineExplanation(deadline: deadline, rule: "\(rule.hours) hours of counted time", days: [], tableVersion: nil)
                }
                let explanation = try StatutoryClock.deadline(from: deadline.startedAt, rule: rule, table: table)
                return DeadlineExplanation(
                    deadline: deadline, rule: "\(explanation.hours) hours of counted time (Sundays, Christmas Day, Good Friday and bank holidays disregarded)",
                    days: explanation.days, tableVersion: explanation.tableVersion)
            case .elapsed(let hours):
                return DeadlineExplanation(deadline: deadline, rule: "\(hours) hours of real time, every day counted", days: [], tableVersion: nil)
            case .calendarDays(let days):
                return DeadlineExplanation(deadline: deadline, rule: "\(days) calendar days", days: [], tableVersion: nil)
            case .workingDays(let days):
                return DeadlineExplanation(
                    deadline: deadline, rule: "\(days) working days (weekends and bank holidays not counted)", days: [], tableVersion: nil)
            case .untilDate(let field):
                return DeadlineExplanation(deadline: deadline, rule: "to the date in \(field)", days: [], tableVersion: nil)
            case .orderPeriod(let field):
                return DeadlineExplanation(
                    deadline: deadline, rule: "the order's period (\(field) days beginning with the day it was made), to the end of its last London day",
                    days: [], tableVersion: nil)
            }
        }
    }

    var value: Value {
        .object([
            "clock": .string(deadline.clock), "started_at": Rendering.instant(deadline.startedAt), "due": Rendering.instant(deadline.due),
            "status": .string(deadline.status.rawValue), "rule": .string(rule),
            "table_version": tableVersion.map(Value.string) ?? .null,
            "days": .array(days.map { day in
                .object([
                    "date": .string(day.date.description), "counted_seconds": .integer(day.counted), "total_seconds": .integer(day.total),
                    "disregarded": day.disregarded.map(Value.string) ?? .null, "note": day.note.map(Value.string) ?? .null,
                ])
            }),
        ])
    }
}

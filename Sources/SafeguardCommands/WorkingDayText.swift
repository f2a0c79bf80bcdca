import SafeguardService
import WorkflowCore

/// A working-day deadline's explanation, for a terminal and as JSON.
enum WorkingDayText {
    /// ```
    /// target: 28 working days after Mon 4 May 2026, the day the clock started (day 0)
    ///   Sat 9 May 2026  Saturday, not a working day
    ///   …
    /// last working day: Thu 11 Jun 2026 (38 calendar days after the start day)
    /// deadline: 2026-06-11T23:59:59.999+01:00 (BST)
    /// ```
    static func describe(_ clock: String, _ explanation: WorkingDayExplanation) -> String {
        var lines = [
            "\(clock): \(explanation.days) working days after \(explanation.startDay.spoken), the day the clock started (day 0; started \(Instant.format(explanation.start)))",
            "  not counted: Saturdays, Sundays and the days in the bank-holiday table",
        ]
        for day in explanation.skipped {
            lines.append("  \(day.date.spoken)  \(day.reason), not a working day")
        }
        lines.append("last working day: \(explanation.lastDay.spoken) (\(explanation.calendarDays) calendar days after the start day)")
        lines.append("deadline: \(Instant.format(explanation.due)) (\(London.zoneName(at: explanation.due)))")
        lines.append("bank holidays: \(explanation.tableName), table \(explanation.tableVersion)")
        return lines.joined(separator: "\n")
    }

    static func json(_ clock: String, _ explanation: WorkingDayExplanation) -> Value {
        .object([
            "clock": .string(clock), "working_days": .integer(explanation.days), "from": Rendering.instant(explanation.start),
            "start_day": .string(explanation.startDay.description), "last_day": .string(explanation.lastDay.description),
            "calendar_days": .integer(explanation.calendarDays), "due": Rendering.instant(explanation.due),
            "table_version": .string(explanation.tableVersion),
            "not_working_days": .array(
                explanation.skipped.map { day in
                    .object(["date": .string(day.date.description), "reason": .string(day.reason)])
                }),
        ])
    }
}

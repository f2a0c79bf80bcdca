import Foundation

/// Computes working-day deadlines: a target of N working days after the day a clock starts (that
/// day is day 0), where Saturdays, Sundays and every day in the bank-holiday table are not working
/// days; the deadline is the end of the Nth working day, London time.
///
///     let result = try WorkingDays.deadline(from: receivedAt, days: 28, table: table)
///     result.lastDay  // the 28th working day after the request was received
public enum WorkingDays {
    /// The longest walk before giving up: far beyond any target a scheme sets.
    static let maximumDays = 3660

    public static func deadline(from start: Date, days: Int, table: HolidayTable) throws(WorkflowError) -> WorkingDayExplanation {
        guard days > 0 else { throw .badInput("a working-day clock needs 1 or more days; got \(days)") }
        let first = London.date(of: start)
        var counted = 0
        var skipped: [WorkingDayExplanation.Skipped] = []
        var day = first
        for _ in 0..<maximumDays {
            day = day.adding(days: 1)
            if let reason = try nonWorking(day, table: table) {
                skipped.append(.init(date: day, reason: reason))
                continue
            }
            counted += 1
            if counted == days {
                return WorkingDayExplanation(
                    start: start, startDay: first, days: days, lastDay: day, due: OrderPeriod.end(madeOn: day, days: 1),
                    skipped: skipped, tableVersion: table.version, tableName: table.name)
            }
        }
        throw .badInput("no deadline within \(maximumDays) days of \(Instant.format(start)); expected a shorter working-day target")
    }

    /// Why a day is not a working day (nil when it is one).
    static func nonWorking(_ day: LocalDate, table: HolidayTable) throws(WorkflowError) -> String? {
        if day.weekday == 6 { return "Saturday" }
        if day.isSunday { return "Sunday" }
        return try table.entry(for: day)?.name
    }
}

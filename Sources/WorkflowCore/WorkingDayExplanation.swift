import Foundation

/// How a working-day deadline was reached: the day the clock started (day 0), the last working
/// day counted, and every day in between that was not a working day, with why.
public struct WorkingDayExplanation: Sendable, Hashable {
    public struct Skipped: Sendable, Hashable {
        public var date: LocalDate
        /// `Saturday`, `Sunday`, or the bank holiday's name.
        public var reason: String
    }

    public var start: Date
    public var startDay: LocalDate
    public var days: Int
    public var lastDay: LocalDate
    public var due: Date
    public var skipped: [Skipped]
    public var tableVersion: String
    public var tableName: String

    /// Calendar days from the start day to the last day.
    public var calendarDays: Int { lastDay.daysSinceEpoch - startDay.daysSinceEpoch }
}

import Foundation
import Testing
import WorkflowCore

@Suite("Working-day clocks")
struct WorkingDaysTests {
    static func explain(_ start: String, days: Int) throws -> WorkingDayExplanation {
        try WorkingDays.deadline(from: Instant.parse(start)!, days: days, table: HolidayTableFixture.table)
    }

    @Test func twentyEightWorkingDaysSkipWeekendsAndBankHolidays() throws {
        // Given a request received on Thursday 30 April 2026, before the early May and spring bank holidays
        let result = try Self.explain("2026-04-30T10:00:00+01:00", days: 28)
        // Then the 28th working day after it is Thursday 11 June, to the end of the day
        #expect(result.lastDay.description == "2026-06-11")
        #expect(Instant.format(result.due) == "2026-06-11T23:59:59.999+01:00")
        #expect(result.calendarDays == 42)
        let holidays = result.skipped.filter { $0.reason != "Saturday" && $0.reason != "Sunday" }.map(\.date.description)
        #expect(holidays == ["2026-05-04", "2026-05-25"])
        #expect(result.skipped.count == 14)
    }

    @Test func theStartDayIsDayZeroWhateverTheHour() throws {
        // A Friday request at one minute to midnight: day 1 is the next working day, Monday
        let result = try Self.explain("2026-01-09T23:59:00Z", days: 1)
        #expect(result.lastDay.description == "2026-01-12")
        #expect(result.skipped.map(\.reason) == ["Saturday", "Sunday"])
    }

    @Test func christmasAndNewYearAreNotWorkingDays() throws {
        let result = try Self.explain("2026-12-23T12:00:00Z", days: 3)
        // Thu 24 (1), Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day (substitute), Tue 29 (2), Wed 30 (3)
        #expect(result.lastDay.description == "2026-12-30")
    }

    @Test func zeroDaysIsBadInput() {
        #expect(throws: WorkflowError.self) { try Self.explain("2026-01-09T10:00:00Z", days: 0) }
    }
}

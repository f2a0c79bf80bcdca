import Foundation
import Testing
import WorkflowCore

@Suite("Statutory clocks: counted time on London days (Crime and Security Act 2010 s.27(3)-(4))")
struct StatutoryClockTests {
    /// Worked examples of the 48 hours over weekends and bank holidays, and across the clock changes.
    @Test(arguments: [
        ("2026-05-23T10:00:00+01:00", 48, "2026-05-27T10:00:00+01:00"),  // Sat counts; Sun and spring bank holiday skipped
        ("2026-04-02T14:00:00+01:00", 48, "2026-04-07T14:00:00+01:00"),  // Good Friday, Sunday, Easter Monday skipped
        ("2026-06-07T14:00:00+01:00", 48, "2026-06-10T00:00:00+01:00"),  // starts on a Sunday: from Monday 00:00
        ("2026-06-06T23:30:00+01:00", 48, "2026-06-09T23:30:00+01:00"),
        ("2026-12-24T09:00:00Z", 48, "2026-12-29T09:00:00Z"),  // Sat 26 Dec unsettled: counted (the earlier deadline)
        ("2027-12-24T18:00:00Z", 48, "2027-12-30T18:00:00Z"),  // four excluded days in a row
        ("2026-12-31T16:00:00Z", 48, "2027-01-04T16:00:00Z"),  // New Year's Day skipped; Sat 2 Jan counts
        ("2026-05-23T20:00:00+01:00", 24, "2026-05-26T20:00:00+01:00"),  // arrest for breach
        ("2026-03-28T10:00:00Z", 48, "2026-03-31T10:00:00+01:00"),  // BST begins on the Sunday: not 11:00
        ("2026-10-24T10:00:00+01:00", 48, "2026-10-27T10:00:00Z"),  // BST ends on the Sunday: not 09:00
    ])
    func theWorkedExamples(start: String, hours: Int, due: String) throws {
        #expect(try HolidayTableFixture.due(start, hours: hours) == due)
    }

    @Test func boxingDayOnASaturdayIsASetting() throws {
        #expect(try HolidayTableFixture.due("2026-12-24T09:00:00Z", unsettled: .disregard) == "2026-12-30T09:00:00Z")
        #expect(try HolidayTableFixture.due("2020-12-24T09:00:00Z", unsettled: .disregard) == "2020-12-30T09:00:00Z")
        #expect(try HolidayTableFixture.due("2015-12-24T09:00:00Z") == "2015-12-29T09:00:00Z")
    }

    /// Every moved and one-off day in the table is disregarded: a clock started the evening
    /// before runs straight over it.
    @Test(arguments: [
        ("2011-04-28T12:00:00+01:00", "2011-05-03T12:00:00+01:00"),  // royal wedding Fri 29 Apr; Sat counts; Sun, early May Mon 2 May
        ("2012-06-02T12:00:00+01:00", "2012-06-07T12:00:00+01:00"),  // Sat counts; Sun, spring Mon 4 Jun, jubilee Tue 5 Jun
        ("2020-05-07T12:00:00+01:00", "2020-05-11T12:00:00+01:00"),  // VE Day Fri 8 May; Mon 4 May is an ordinary day
        ("2020-05-02T12:00:00+01:00", "2020-05-05T12:00:00+01:00"),  // …so a clock over Mon 4 May 2020 counts it
        ("2022-06-01T12:00:00+01:00", "2022-06-06T12:00:00+01:00"),  // spring Thu 2 Jun, jubilee Fri 3 Jun, Sun
        ("2022-05-28T12:00:00+01:00", "2022-05-31T12:00:00+01:00"),  // Mon 30 May 2022 was not a bank holiday
        ("2022-09-17T12:00:00+01:00", "2022-09-21T12:00:00+01:00"),  // Sun, state funeral Mon 19 Sep
        ("2023-05-06T12:00:00+01:00", "2023-05-10T12:00:00+01:00"),  // Sun, coronation Mon 8 May
    ])
    func movedAndOneOffDays(start: String, due: String) throws {
        #expect(try HolidayTableFixture.due(start) == due)
    }

    @Test func christmasOnASaturdayAndOnASunday() throws {
        // 2021: Christmas Sat (disregarded as Christmas Day), Sun, substitutes Mon 27 and Tue 28.
        #expect(try HolidayTableFixture.due("2021-12-24T12:00:00Z") == "2021-12-30T12:00:00Z")
        // 2022: Sat 24 counts; Christmas Sun, Boxing Day Mon 26, substitute Tue 27.
        #expect(try HolidayTableFixture.due("2022-12-23T12:00:00Z") == "2022-12-28T12:00:00Z")
    }

    /// A start on each kind of disregarded day counts from the next counted midnight.
    @Test(arguments: [
        ("2026-05-24T09:15:00+01:00", "2026-05-28T00:00:00+01:00"),  // Sunday (then a bank holiday)
        ("2026-08-31T15:00:00+01:00", "2026-09-03T00:00:00+01:00"),  // a bank holiday
        ("2026-04-03T08:00:00+01:00", "2026-04-08T00:00:00+01:00"),  // Good Friday (Sat counts; Sun, Easter Mon not)
        ("2025-12-25T10:00:00Z", "2025-12-30T00:00:00Z"),  // Christmas Day (Boxing Day Fri, Sun skipped)
    ])
    func aStartOnADisregardedDay(start: String, due: String) throws {
        #expect(try HolidayTableFixture.due(start) == due)
    }

    @Test func theExplanationCanBeCheckedByHand() throws {
        let explanation = try StatutoryClock.deadline(
            from: Instant.parse("2026-05-23T10:00:00+01:00")!, rule: CountedHours(hours: 48), table: HolidayTableFixture.table)
        #expect(explanation.days.map(\.date.description) == ["2026-05-23", "2026-05-24", "2026-05-25", "2026-05-26", "2026-05-27"])
        #expect(explanation.days.map(\.counted) == [14 * 3600, 0, 0, 24 * 3600, 10 * 3600])
        #expect(explanation.days.map(\.disregarded) == [nil, "Sunday, disregarded", "Spring bank holiday, disregarded", nil, nil])
        #expect(explanation.tableVersion == "ew-2026-11-21")
    }

    @Test func aDateBeyondTheTableIsAnErrorNotAGuess() throws {
        #expect(
            throws: WorkflowError.badInput(
                "2029-01-01 is beyond the bank-holiday table ew-2026-11-21, which covers 2011-01-01 to 2028-12-31; expected a table that covers it (update Calendars/england-and-wales.json)"
            )
        ) { try HolidayTableFixture.due("2028-12-31T12:00:00Z") }
        #expect(throws: WorkflowError.self) { try HolidayTableFixture.due("2010-12-31T12:00:00Z") }
    }

    @Test func provisionalYearsCarryAWarning() throws {
        let explanation = try StatutoryClock.deadline(
            from: Instant.parse("2027-12-31T12:00:00Z")!, rule: CountedHours(hours: 48), table: HolidayTableFixture.table)
        #expect(Instant.format(explanation.due) == "2028-01-04T12:00:00Z")
        #expect(explanation.warnings.count == 1)
        #expect(explanation.warnings.first?.hasPrefix("Mon 3 Jan 2028: New Year's Day (substitute day) is provisional.") == true)
    }

    @Test func theTableHasEveryYearFrom2011To2027() {
        let years = Set(HolidayTableFixture.table.entries.filter { $0.provisional == nil }.map(\.date.year))
        #expect(years == Set(2011...2027))
        for year in 2011...2027 {
            let kinds = HolidayTableFixture.table.entries.filter { $0.date.year == year }.map(\.kind)
            #expect(kinds.filter { $0 == .goodFriday }.count == 1, "\(year)")
            #expect(kinds.filter { $0 == .christmasDay }.count == 1, "\(year)")
        }
    }
}

import Foundation
import PropertyBased
import Testing
import WorkflowCore

@Suite("Statutory clocks: properties")
struct StatutoryClockProperties {
    /// Instants between 2012 and the end of 2027, to the second.
    static let instants = Gen.int(in: 1_325_376_000...1_830_297_600).map { Date(timeIntervalSince1970: TimeInterval($0)) }

    @Test func aDisregardedDayNeverAddsCountedTime() async {
        await propertyCheck(count: 300, input: Self.instants) { start in
            let explanation = try StatutoryClock.deadline(from: start, rule: CountedHours(hours: 48), table: HolidayTableFixture.table)
            #expect(explanation.days.filter { $0.disregarded != nil }.allSatisfy { $0.counted == 0 })
            #expect(explanation.days.map(\.counted).reduce(0, +) == 48 * 3600)
            // …and the deadline never falls inside a disregarded day.
            let dueDay = London.date(of: explanation.due.addingTimeInterval(-0.001))
            #expect(explanation.days.last?.date == dueDay)
            #expect(explanation.days.last?.disregarded == nil)
        }
    }

    @Test func deadlinesNeverMoveBackwardsAsTheStartMovesForwards() async {
        await propertyCheck(count: 300, input: Self.instants, Gen.int(in: 1...(3 * 86_400))) { start, later in
            let rule = CountedHours(hours: 24)
            let first = try StatutoryClock.deadline(from: start, rule: rule, table: HolidayTableFixture.table).due
            let second = try StatutoryClock.deadline(from: start.addingTimeInterval(TimeInterval(later)), rule: rule, table: HolidayTableFixture.table).due
            #expect(second >= first)
        }
    }

    @Test func resultsDoNotDependOnTheProcesssTimeZone() async {
        let saved = NSTimeZone.default
        defer { NSTimeZone.default = saved }
        await propertyCheck(count: 100, input: Self.instants, Gen.int(in: 0...3)) { start, pick in
            NSTimeZone.default = TimeZone(identifier: "Europe/London")!
            let reference = try StatutoryClock.deadline(from: start, rule: CountedHours(hours: 48), table: HolidayTableFixture.table)
            NSTimeZone.default = TimeZone(identifier: ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"][pick])!
            let other = try StatutoryClock.deadline(from: start, rule: CountedHours(hours: 48), table: HolidayTableFixture.table)
            #expect(other == reference)
            #expect(Instant.format(other.due) == Instant.format(reference.due))
        }
    }

    @Test func aCountedDayCountsItsRealLength() async {
        // With no days disregarded, 48 counted hours are 48 real hours, clock changes or not.
        await propertyCheck(count: 200, input: Self.instants) { start in
            let due = try StatutoryClock.deadline(from: start, rule: CountedHours(hours: 48, disregard: []), table: HolidayTableFixture.table).due
            #expect(due.timeIntervalSince(start) == 48 * 3600)
        }
    }
}

import Foundation
import Testing
import WorkflowCore

@Suite("Local dates and London days")
struct LocalDateTests {
    @Test func roundTripsThroughDaysSinceEpoch() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(LocalDate(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(LocalDate(iso: "2026-05-23")!.spoken == "Sat 23 May 2026")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T", "abcd-ef-gh"])
    func rejectsMalformedDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func ageIsWholeYearsOnTheDay() {
        let born = LocalDate(iso: "2008-05-24")!
        #expect(born.age(on: LocalDate(iso: "2026-05-23")!) == 17)
        #expect(born.age(on: LocalDate(iso: "2026-05-24")!) == 18)
    }

    @Test func londonDayFollowsBritishSummerTime() {
        // 23:30 UTC on 23 May is 00:30 BST on 24 May; in January it is the same day.
        #expect(London.date(of: Instant.parse("2026-05-23T23:30:00Z")!) == LocalDate(iso: "2026-05-24"))
        #expect(London.date(of: Instant.parse("2026-01-23T23:30:00Z")!) == LocalDate(iso: "2026-01-23"))
        #expect(London.startOfDay(LocalDate(iso: "2026-07-01")!) == Instant.parse("2026-06-30T23:00:00Z"))
        #expect(London.startOfDay(LocalDate(iso: "2026-03-29")!) == Instant.parse("2026-03-29T00:00:00Z"))
        #expect(London.startOfDay(LocalDate(iso: "2026-03-30")!) == Instant.parse("2026-03-29T23:00:00Z"))
    }
}

import Foundation
import Testing
import WorkflowCore

@Suite("Instants: strict ISO 8601 with an offset")
struct InstantTests {
    @Test(arguments: [
        ("2026-01-05T22:10:00Z", 1_767_651_000.0),
        ("2026-01-05T22:10:00+01:00", 1_767_647_400.0),
        ("2026-01-05T22:10:00.250-00:30", 1_767_652_800.25),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("2026-01-05T22:10Z", 1_767_651_000.0),  // no seconds: the minute's start
        ("2026-01-05T23:10+01:00", 1_767_651_000.0),
        ("0001-01-01T00:00:00Z", -62_135_596_800.0),
        ("9999-12-31T23:59:59Z", 253_402_300_799.0),
    ])
    func parsesValidInstants(text: String, seconds: Double) {
        #expect(Instant.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-01-05T22:10:00",  // no offset
        "2026-01-05 22:10:00Z",  // space for T
        "2026-02-30T10:00:00Z",  // no such day
        "2025-02-29T10:00:00Z",  // not a leap year
        "2026-01-05T24:10:00Z",  // hour 24
        "2026-01-05T22:60:00Z",
        "2026-01-05T22:1Z",
        "2026-01-05T22:10.5Z",  // a fraction needs seconds
        "2026-01-05T22:10:00+0100",  // offset without colon
        "2026-01-05T22:10:00+19:00",
        "2026-01-05T22:10:00.Z",
        "2026-01-05T22:10:00Zjunk",
        "",
    ])
    func rejectsMalformedInstants(text: String) {
        #expect(Instant.parse(text) == nil)
    }

    @Test(arguments: [
        "9999-12-31T23:59:59-01:00",  // 10000-01-01T00:59:59Z
        "0001-01-01T00:00:00+01:00",  // 0000-12-31T23:00:00Z
    ])
    func refusesInstantsOutsideTheSupportedRange(text: String) {
        #expect(Instant.parse(text) == nil)
        #expect(Instant.isOutOfRange(text))
        #expect(
            WorkflowError.malformedTime(text, field: "--at").message
                == "time \"\(text)\" for --at is outside the supported range; expected an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z")
    }

    @Test func aMalformedTimeIsEchoedOnlyWhenItLooksLikeATime() {
        #expect(WorkflowError.malformedTime("2026-05-23T10:00", field: "--at").message.hasPrefix("malformed time \"2026-05-23T10:00\" for --at;"))
        // A date alone may be a date of birth typed in the wrong place: not echoed
        #expect(WorkflowError.malformedTime("1990-01-01", field: "--at").message == "malformed time for --at; expected \(Instant.expected)")
        // Kept to the millisecond, cut not rounded: never carried into the next day or past 9999
        #expect(Instant.formatUTC(Instant.parse("2026-05-23T23:59:59.9999+01:00")!) == "2026-05-23T22:59:59.999Z")
        #expect(Instant.formatUTC(Instant.parse("9999-12-31T23:59:59.9999Z")!) == "9999-12-31T23:59:59.999Z")
        #expect(Instant.isOutOfRange("10000-01-01T00:00:00Z") && Instant.isOutOfRange("0000-12-31T23:00:00Z"))
        let typed = WorkflowError.malformedTime("wants him kept away from the house", field: "--at").message
        #expect(typed == "malformed time for --at; expected \(Instant.expected)")
    }

    @Test func formatsInLondonTimeWithTheOffset() {
        #expect(Instant.format(Instant.parse("2026-07-01T09:00:00Z")!) == "2026-07-01T10:00:00+01:00")
        #expect(Instant.format(Instant.parse("2026-01-01T09:00:00Z")!) == "2026-01-01T09:00:00Z")
        #expect(Instant.format(Instant.parse("2026-06-22T22:59:59.999Z")!) == "2026-06-22T23:59:59.999+01:00")
    }

    @Test func utcFormIsFixedWidthSoStringsCompareInTimeOrder() {
        let earlier = Instant.formatUTC(Instant.parse("2026-05-01T09:00:00+01:00")!)
        let later = Instant.formatUTC(Instant.parse("2026-05-01T08:30:00Z")!)
        #expect(earlier == "2026-05-01T08:00:00.000Z")
        #expect(later == "2026-05-01T08:30:00.000Z")
        #expect(earlier < later)
    }
}

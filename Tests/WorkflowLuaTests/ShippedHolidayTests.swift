import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Issue 11: the bank-holiday table a force's folder holds may only add days to the shipped one,
/// each with a source. Removing or moving a shipped day would lengthen or shorten the 48 hours of
/// the Crime and Security Act 2010 s.27(3), which disregard bank holidays.
@Suite("The trust boundary: the bank-holiday table only grows, with a source")
struct ShippedHolidayTests {
    static let path = ScriptFolder.calendarPath
    static let shippedText = try! Scripts.shipped.calendarSource()!.text

    /// Loads the shipped workflows with `text` as the holiday table.
    static func load(_ text: String) throws(WorkflowError) -> (Procedure, Findings) {
        let sources = try Scripts.shipped.workflowSources() + [ScriptSource(path: path, text: text)]
        let findings = Findings()
        let procedure = try Procedure.load(sources: sources, force: nil, limits: .standard, findings: findings)
        if let first = findings.errors.first { throw first }
        return (procedure, findings)
    }

    @Test func theShippedFileIsTheCompiledTableExactly() throws {
        let table = try HolidayTable(json: Data(Self.shippedText.utf8), path: Self.path)
        let (problems, additions) = table.againstShipped(path: Self.path, text: Self.shippedText)
        #expect(problems == [])
        #expect(additions == [])
        #expect(table.entries.count == ShippedHolidays.days.count)
        #expect(table.version == ShippedHolidays.version)
    }

    @Test func removingAShippedDayIsRefusedAtItsLine() {
        // Spring bank holiday 2026 (line 688) is dropped from the list.
        let text = Self.shippedText.replacingOccurrences(
            of: "  {\n   \"date\": \"2026-05-25\",\n   \"kind\": \"bank_holiday\",\n   \"name\": \"Spring bank holiday\"\n  },\n", with: "")
        #expect(!text.contains("2026-05-25"))
        #expect(
            throws: WorkflowError.script(
                "the shipped bank_holiday on 2026-05-25 was removed or changed (it is missing); a force's table may add days, each with a source, but never remove or move a shipped one",
                at: SourceLocation(file: Self.path, line: 9))
        ) { try Self.load(text) }
    }

    @Test func movingAShippedDayIsRefused() {
        let text = Self.shippedText.replacingOccurrences(of: "\"date\": \"2026-05-25\"", with: "\"date\": \"2026-05-26\"")
        #expect(throws: WorkflowError.self) { try Self.load(text) }
        let findings = Findings()
        let sources = (try? Scripts.shipped.workflowSources()) ?? []
        _ = try? Procedure.load(sources: sources + [ScriptSource(path: Self.path, text: text)], force: nil, limits: .standard, findings: findings)
        #expect(
            findings.errors.map(\.message) == [
                "\(Self.path):9: the shipped bank_holiday on 2026-05-25 was removed or changed (it is missing); a force's table may add days, each with a source, but never remove or move a shipped one",
                "\(Self.path):688: 2026-05-26 (Spring bank holiday) is not a shipped bank holiday and has no source; expected \"source\": where it was proclaimed (a London Gazette notice, say)",
            ])
    }

    @Test func changingAShippedDaysKindIsRefused() {
        let text = Self.shippedText.replacingOccurrences(
            of: "\"date\": \"2026-04-03\",\n   \"kind\": \"good_friday\"", with: "\"date\": \"2026-04-03\",\n   \"kind\": \"bank_holiday\"")
        #expect(text != Self.shippedText)
        #expect(
            throws: WorkflowError.script(
                "the shipped good_friday on 2026-04-03 was removed or changed (it is bank_holiday here); a force's table may add days, each with a source, but never remove or move a shipped one",
                at: SourceLocation(file: Self.path, line: 673))
        ) { try Self.load(text) }
    }

    @Test func removingAShippedDaysUnsettledIsRefused() throws {
        let entry = try #require(Self.shippedText.range(of: "   \"name\": \"Boxing Day (Saturday)\",\n   \"unsettled\"", options: .backwards))
        // The last Boxing Day on a Saturday (2026-12-26) loses its flag, so a clock that counts
        // unsettled days would disregard it.
        var text = Self.shippedText
        let end = try #require(text.range(of: "\n  }", range: entry.upperBound..<text.endIndex))
        text.replaceSubrange(entry.lowerBound..<end.lowerBound, with: "   \"name\": \"Boxing Day (Saturday)\"")
        #expect(
            throws: WorkflowError.script(
                "the shipped bank_holiday on 2026-12-26: its \"unsettled\" was removed; whether a shipped day is unsettled is the engine's table (\(ShippedHolidays.version)), not a force's to change",
                at: SourceLocation(file: Self.path, line: 703))
        ) { try Self.load(text) }
    }

    @Test func addingUnsettledToChristmasDayIsRefused() {
        let text = Self.shippedText.replacingOccurrences(
            of: "\"date\": \"2026-12-25\",\n   \"kind\": \"christmas_day\",\n   \"name\": \"Christmas Day\"",
            with: "\"date\": \"2026-12-25\",\n   \"kind\": \"christmas_day\",\n   \"name\": \"Christmas Day\", \"unsettled\": \"x\"")
        #expect(text != Self.shippedText)
        #expect(
            throws: WorkflowError.script(
                "the shipped christmas_day on 2026-12-25: \"unsettled\" was added to it; whether a shipped day is unsettled is the engine's table (\(ShippedHolidays.version)), not a force's to change",
                at: SourceLocation(file: Self.path, line: 698))
        ) { try Self.load(text) }
    }

    @Test func cuttingTheCoverageShortIsRefused() {
        let text = Self.shippedText.replacingOccurrences(of: "\"to\": \"2028-12-31\"", with: "\"to\": \"2030-12-31\"")
            .replacingOccurrences(of: "\"from\": \"2011-01-01\"", with: "\"from\": \"2012-01-01\"")
        #expect(throws: WorkflowError.self) { try Self.load(text) }
    }

    @Test func anAdditionWithNoSourceIsRefused() {
        let text = Self.shippedText.replacingOccurrences(
            of: "\"days\": [", with: "\"days\": [\n  {\"date\": \"2026-06-05\", \"kind\": \"bank_holiday\", \"name\": \"One-off\"},")
        #expect(
            throws: WorkflowError.script(
                "2026-06-05 (One-off) is not a shipped bank holiday and has no source; expected \"source\": where it was proclaimed (a London Gazette notice, say)",
                at: SourceLocation(file: Self.path, line: 10))
        ) { try Self.load(text) }
    }

    @Test func anAdditionWithASourceLoadsIsShownAndIsRecorded() throws {
        let text = Self.shippedText.replacingOccurrences(
            of: "\"days\": [",
            with: "\"days\": [\n  {\"date\": \"2026-06-05\", \"kind\": \"bank_holiday\", \"name\": \"One-off\", \"source\": \"London Gazette 12345\"},")
        let (procedure, findings) = try Self.load(text)
        #expect(try procedure.calendar?.entry(for: LocalDate(iso: "2026-06-05")!)?.source == "London Gazette 12345")
        #expect(
            findings.warnings.map(\.message) == [
                "\(Self.path):10: adds bank_holiday 2026-06-05 (One-off) to the shipped table \(ShippedHolidays.version); source: London Gazette 12345"
            ])
        // The table's text is one of the procedure's sources, so it is stored with each case.
        #expect(procedure.sources.contains(ScriptSource(path: Self.path, text: text)))
    }

    /// The shipped table with `days` (JSON objects) added at the top of its list, from line 10.
    static func adding(_ days: [String]) -> String {
        shippedText.replacingOccurrences(of: "\"days\": [", with: "\"days\": [\n" + days.map { "  \($0)," }.joined(separator: "\n"))
    }

    static func day(_ date: String, kind: String = "bank_holiday", source: String = "London Gazette 12345") -> String {
        "{\"date\": \"\(date)\", \"kind\": \"\(kind)\", \"name\": \"One-off\", \"source\": \"\(source)\"}"
    }

    static func errors(_ text: String) -> [String] {
        let findings = Findings()
        let sources = (try? Scripts.shipped.workflowSources()) ?? []
        _ = try? Procedure.load(sources: sources + [ScriptSource(path: path, text: text)], force: nil, limits: .standard, findings: findings)
        return findings.errors.map(\.message)
    }

    static let bound = "added days lengthen the Crime and Security Act 2010 s.27(3) clock"

    @Test func aThirdAdditionInAYearIsRefusedAtItsLine() {
        let text = Self.adding([Self.day("2026-06-05"), Self.day("2026-06-08"), Self.day("2026-06-09")])
        #expect(
            Self.errors(text) == [
                "\(Self.path):12: 2026-06-09 (One-off) is the third day added in 2026; expected at most 2 a year, the most ever proclaimed in one year (\(Self.bound))"
            ])
        #expect(Self.errors(Self.adding([Self.day("2026-06-05"), Self.day("2026-06-08"), Self.day("2027-06-08")])) == [])
    }

    @Test func addingEveryWeekdayOfAMonthIsRefused() {
        let days = (1...30).compactMap { LocalDate(year: 2026, month: 9, day: $0) }.filter { $0.weekday <= 5 }.map { Self.day($0.description) }
        let errors = Self.errors(Self.adding(days))
        #expect(errors.count == days.count - 2)
        #expect(throws: WorkflowError.self) { try Self.load(Self.adding(days)) }
    }

    @Test func aDayTheClocksAlreadyLeaveOutIsRefused() {
        #expect(
            Self.errors(Self.adding([Self.day("2026-06-07")])) == [
                "\(Self.path):10: 2026-06-07 (One-off) is a Sunday, which the clocks already leave out; expected a day they would otherwise count"
            ])
    }

    @Test func onlyABankHolidayMayBeAdded() {
        #expect(
            Self.errors(Self.adding([Self.day("2026-06-05", kind: "good_friday")])) == [
                "\(Self.path):10: 2026-06-05 (One-off) is added as good_friday; expected bank_holiday: Good Friday and Christmas Day are fixed days the shipped table holds"
            ])
    }

    @Test func aSourceThatNamesNoPublicationIsRefused() {
        #expect(
            Self.errors(Self.adding([Self.day("2026-06-05", source: "the chief constable said so")])) == [
                "\(Self.path):10: 2026-06-05 (One-off) has source \"the chief constable said so\"; expected \(HolidayAdditionBound.expectedSource)"
            ])
    }

    @Test(arguments: [
        ("London Gazette 63649", true), ("https://www.thegazette.co.uk/London/issue/63649/page/3422", true), ("S.I. 2022/123", true),
        ("SI 2022/123", true), ("Royal Proclamation of 2022", true), ("The Gazette", false), ("proclaimed", false), ("gov.uk", false),
        ("Proclamation", false),
    ])
    func aSourceIsAGazetteNoticeAnInstrumentOrAProclamation(_ source: String, _ accepted: Bool) {
        #expect(HolidayAdditionBound.isReference(source) == accepted)
    }

    @Test func coverageBeyondTheShippedYearsIsRefused() {
        let text = Self.shippedText.replacingOccurrences(of: "\"to\": \"2028-12-31\"", with: "\"to\": \"2030-12-31\"")
        #expect(
            Self.errors(text) == [
                "\(Self.path):5: the table covers 2011-01-01 to 2030-12-31; expected no more than the shipped 2011-01-01 to 2028-12-31: a year's bank holidays come with the engine's table, not one day at a time"
            ])
    }
}

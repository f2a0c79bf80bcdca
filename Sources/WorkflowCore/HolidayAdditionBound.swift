import Foundation

/// How far a scripts folder's bank-holiday table may add to the shipped one (`ShippedHolidays`),
/// compiled into the engine where no force can edit it. Each added day stretches the 48 hours of
/// the Crime and Security Act 2010 s.27(3) (and the production clocks of s.26(1) and s.29), which
/// disregard bank holidays, so an addition must look like the proclaimed day it claims to be:
///
/// - a `bank_holiday` (a day appointed by proclamation under the Banking and Financial Dealings Act
///   1971 s.1(3)); Good Friday and Christmas Day are fixed days the shipped table already holds;
/// - dated within the shipped table's years, whose coverage the table may not go beyond: a year's
///   days come with the engine's table, so a year is never half listed;
/// - not a day the clocks already leave out: a Sunday, or 25 December;
/// - at most `perYear` (2) in a calendar year: the most one-off days proclaimed in one year so far
///   (2022: the Platinum Jubilee and the State Funeral);
/// - with a `source` shaped like where such a day is published: a London Gazette notice with its
///   number, a statutory instrument (`S.I. 2022/123`), or a proclamation with its year.
public enum HolidayAdditionBound {
    /// The most days a table may add in one calendar year.
    public static let perYear = 2

    /// What `source` should look like, for the refusal's text.
    public static let expectedSource =
        "a London Gazette notice with its number (\"London Gazette 63649\"), a statutory instrument (\"S.I. 2022/123\") or a proclamation with its year (\"Royal Proclamation of 2022\")"

    /// Every addition beyond the bound, each at its line of the table's `text`; and the table's
    /// coverage, when it reaches beyond the shipped years.
    public static func problems(_ table: HolidayTable, additions: [HolidayEntry], path: String, text: String) -> [WorkflowError] {
        let bound = "added days lengthen the Crime and Security Act 2010 s.27(3) clock"
        var problems: [WorkflowError] = []
        if table.coversFrom < ShippedHolidays.coversFrom || table.coversTo > ShippedHolidays.coversTo {
            problems.append(
                .script(
                    "the table covers \(table.coversFrom) to \(table.coversTo); expected no more than the shipped \(ShippedHolidays.coversFrom) to \(ShippedHolidays.coversTo): a year's bank holidays come with the engine's table, not one day at a time",
                    at: SourceLocation(file: path, line: HolidayTable.line(of: "\"covers\"", in: text))))
        }
        var perYearSoFar: [Int: Int] = [:]
        for day in additions.sorted(by: { $0.date < $1.date }) {
            let at = SourceLocation(file: path, line: HolidayTable.line(of: "\"\(day.date)\"", in: text))
            let named = "\(day.date) (\(day.name))"
            if day.kind != .bankHoliday {
                problems.append(
                    .script(
                        "\(named) is added as \(day.kind.rawValue); expected bank_holiday: Good Friday and Christmas Day are fixed days the shipped table holds",
                        at: at))
            } else if day.date < ShippedHolidays.coversFrom || day.date > ShippedHolidays.coversTo {
                problems.append(
                    .script(
                        "\(named) is outside the shipped table's years \(ShippedHolidays.coversFrom.year) to \(ShippedHolidays.coversTo.year); expected an added day within them (\(bound))",
                        at: at))
            } else if day.date.isSunday || (day.date.month == 12 && day.date.day == 25) {
                let already = day.date.isSunday ? "a Sunday" : "Christmas Day"
                problems.append(
                    .script(
                        "\(named) is \(already), which the clocks already leave out; expected a day they would otherwise count", at: at))
            } else {
                perYearSoFar[day.date.year, default: 0] += 1
                if perYearSoFar[day.date.year]! > perYear {
                    problems.append(
                        .script(
                            "\(named) is the \(ordinal(perYearSoFar[day.date.year]!)) day added in \(day.date.year); expected at most \(perYear) a year, the most ever proclaimed in one year (\(bound))",
                            at: at))
                }
            }
            if let source = day.source, !source.trimmingCharacters(in: .whitespaces).isEmpty, !isReference(source) {
                problems.append(.script("\(named) has source \"\(Self.short(source))\"; expected \(expectedSource)", at: at))
            }
        }
        return problems
    }

    /// Whether a source names a Gazette notice, a statutory instrument or a proclamation.
    public static func isReference(_ source: String) -> Bool {
        func has(_ pattern: String) -> Bool {
            source.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
        }
        let gazette = has("gazette") && has("[0-9]{4,}")
        let instrument = has("\\bS\\.? ?I\\.? ?[0-9]{4}/[0-9]+")
        let proclamation = has("proclamation") && has("\\b(19|20)[0-9]{2}\\b")
        return gazette || instrument || proclamation
    }

    /// A source as echoed in a refusal: at most 60 characters.
    static func short(_ source: String) -> String {
        source.count <= 60 ? source : String(source.prefix(57)) + "..."
    }

    static func ordinal(_ number: Int) -> String {
        switch number {
        case 3: "third"
        case 4: "fourth"
        case 5: "fifth"
        default: "\(number)th"
        }
    }
}

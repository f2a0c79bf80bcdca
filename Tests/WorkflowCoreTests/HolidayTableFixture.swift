import Foundation
import WorkflowCore

/// The shipped bank-holiday table, read from the repository's `Calendars/`.
enum HolidayTableFixture {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Calendars/england-and-wales.json")

    static let table: HolidayTable = {
        let data = try! Data(contentsOf: path)
        do throws(WorkflowError) {
            return try HolidayTable(json: data, path: "Calendars/england-and-wales.json")
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The deadline, in London time with its offset, of `hours` counted from `start`.
    static func due(
        _ start: String, hours: Int = 48, unsettled: CountedHours.UnsettledDays = .count,
        disregard: Set<DayCategory> = Set(DayCategory.allCases)
    ) throws -> String {
        let rule = CountedHours(hours: hours, disregard: disregard, unsettledDays: unsettled)
        return Instant.format(try StatutoryClock.deadline(from: Instant.parse(start)!, rule: rule, table: table).due)
    }
}

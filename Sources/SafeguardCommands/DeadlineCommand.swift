import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard deadline`: one clock's deadline from a start, explained day by day.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Compute a statutory deadline and explain it day by day.",
        discussion: """
            Counted-time clocks (hearing, breach_production, notice_breach_production) count real time only on Europe/London days that are not a Sunday, Christmas Day, Good Friday or an England-and-Wales bank holiday; Saturdays count. Working-day clocks (dvds's disclosure_target) count working days after the day they start: no Saturdays, Sundays or bank holidays. The bank-holiday table is Calendars/england-and-wales.json in the scripts folder.

            Examples:
              safeguard deadline hearing --from 2026-05-23T10:00:00+01:00
              safeguard deadline breach_production --from 2026-05-23T20:00:00Z --json
              safeguard deadline order_end --made-on 2026-06-01 --days 28
              safeguard deadline disclosure_target --workflow dvds --from 2026-05-01T10:00:00+01:00
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The clock, as its workflow names it: hearing, breach_production, notice_breach_production, order_end.")
    var clock: String

    @Option(help: ArgumentHelp("When the clock starts (service, arrest), ISO 8601 with an offset.", valueName: "time"))
    var from: String?

    @Option(name: .customLong("made-on"), help: ArgumentHelp("For order_end: the day the order was made.", valueName: "date"))
    var madeOn: String?

    @Option(help: "For order_end: the order's period in days.")
    var days: Int?

    @Option(help: "The workflow whose clock to use.")
    var workflow = DefaultWorkflow.name

    @Option(help: "A force whose plugins add clocks of their own (e.g. humberside's visits).")
    var force: String?

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let (clock, calendar) = try ScriptsReview.clock(self.clock, workflow: workflow, force: force, try global.configuration())
            /// `--from`, which every clock needs: the time it starts.
            func startTime(of clock: ClockDefinition) throws(WorkflowError) -> Date {
                guard let from else { throw .badInput("clock \(clock.name) needs --from: the time it starts, \(Instant.expected)") }
                guard let start = Instant.parse(from) else { throw .malformedTime(from, field: "--from") }
                return start
            }
            /// The bank-holiday table, which clocks that skip days need.
            func table(_ calendar: HolidayTable?) throws(WorkflowError) -> HolidayTable {
                guard let calendar else {
                    throw .script("no bank-holiday table in the scripts folder; expected \(ScriptsReview.calendarPath)")
                }
                return calendar
            }
            switch clock.rule {
            case .countedHours(let rule):
                let start = try startTime(of: clock)
                let calendar = try table(calendar)
                let explanation = try StatutoryClock.deadline(from: start, rule: rule, table: calendar)
                print(global.json ? Rendering.json(ClockText.json(clock.name, explanation)) : ClockText.describe(clock.name, explanation))
            case .elapsed(let hours):
                let start = try startTime(of: clock)
                let due = start.addingTimeInterval(TimeInterval(hours * 3600))
                if global.json {
                    print(
                        Rendering.json(
                            .object(["clock": .string(clock.name), "hours": .integer(hours), "from": Rendering.instant(start), "due": Rendering.instant(due)])))
                } else {
                    print("\(clock.name): \(hours) hours of real time from \(Instant.format(start)), every day counted")
                    print("deadline: \(Instant.format(due))")
                }
            case .workingDays(let days):
                let start = try startTime(of: clock)
                let calendar = try table(calendar)
                let explanation = try WorkingDays.deadline(from: start, days: days, table: calendar)
                print(global.json ? Rendering.json(WorkingDayText.json(clock.name, explanation)) : WorkingDayText.describe(clock.name, explanation))
            case .calendarDays(let days):
                let start = try startTime(of: clock)
                let first = London.date(of: start)
                let due = OrderPeriod.end(madeOn: first, days: days)
                if global.json {
                    print(
                        Rendering.json(
                            .object(["clock": .string(clock.name), "days": .integer(days), "from": Rendering.instant(start), "due": Rendering.instant(due)])))
                } else {
                    print("\(clock.name): \(days) days beginning with \(first.spoken), the day it started")
                    print("  to the end of \(OrderPeriod.lastDay(madeOn: first, days: days).spoken) (whole London days)")
                    print("deadline: \(Instant.format(due))")
                }
            case .untilDate(let field):
                throw .badInput(
                    "clock \(clock.name) runs to the date in \(field) that its event records; expected a clock computed from a start (--from) or an order's period (--made-on, --days)"
                )
            case .orderPeriod:
                guard let madeOn, let date = LocalDate(iso: madeOn) else {
                    throw .badInput("clock \(clock.name) needs --made-on: the day the order was made, as YYYY-MM-DD")
                }
                guard let days, days > 0 else { throw .badInput("clock \(clock.name) needs --days: the order's period, a whole number of days") }
                let end = OrderPeriod.end(madeOn: date, days: days)
                let last = OrderPeriod.lastDay(madeOn: date, days: days)
                if global.json {
                    print(
                        Rendering.json(
                            .object([
                                "clock": .string(clock.name), "made_on": .string(date.description), "days": .integer(days),
                                "last_day": .string(last.description), "due": Rendering.instant(end),
                            ])))
                } else {
                    print("\(clock.name): \(days) days beginning with \(date.spoken), the day the order was made")
                    print("  in force to the end of \(last.spoken), its last day (whole London days, not 24-hour periods)")
                    print("deadline: \(Instant.format(end))")
                }
            }
        }
    }
}

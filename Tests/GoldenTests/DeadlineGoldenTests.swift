import Foundation
import Testing

@Suite("Golden runs: safeguard deadline")
struct DeadlineGoldenTests {
    static let hearing = """
        hearing: 48 hours of counted time from 2026-05-23T10:00:00+01:00 (BST)
          Sat 23 May 2026  14h 00m counted   total 14h 00m
          Sun 24 May 2026  Sunday, disregarded
          Mon 25 May 2026  Spring bank holiday, disregarded
          Tue 26 May 2026  24h 00m counted   total 38h 00m
          Wed 27 May 2026  10h 00m counted   total 48h 00m
        deadline: 2026-05-27T10:00:00+01:00 (BST)
        bank holidays: England and Wales, table ew-2026-11-21

        """

    @Test(arguments: ["UTC", "America/New_York", "Asia/Tokyo", "Europe/London"])
    func explainsTheHearingDeadlineTheSameInEveryMachineTimeZone(zone: String) throws {
        var cli = Cli()
        cli.environment["TZ"] = zone
        let run = try cli.run("deadline hearing --from 2026-05-23T10:00:00+01:00")
        #expect(run.status == 0)
        #expect(run.stdout == Self.hearing)
    }

    @Test func explainsAnOrdersEnd() throws {
        let run = try Cli().run("deadline order_end --made-on 2026-10-20 --days 14")
        #expect(
            run.stdout == """
                order_end: 14 days beginning with Tue 20 Oct 2026, the day the order was made
                  in force to the end of Mon 2 Nov 2026, its last day (whole London days, not 24-hour periods)
                deadline: 2026-11-02T23:59:59.999Z

                """)
    }

    @Test func theBreachClockAsJSON() throws {
        let run = try Cli().run("deadline breach_production --from 2026-05-23T20:00:00+01:00 --json")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(object["due"] as? String == "2026-05-26T20:00:00+01:00")
        #expect(object["table_version"] as? String == "ew-2026-11-21")
        #expect((object["days"] as? [[String: Any]])?.map { $0["counted_seconds"] as! Int } == [14400, 0, 0, 72000])
    }

    @Test(
        arguments: [
            (
                "deadline hearings --from 2026-05-23T10:00:00+01:00", 2,
                "safeguard: bad input: unknown clock \"hearings\" in workflow dvpo; expected one of: hearing, notice_breach_production, breach_production, order_end"
            ),
            (
                "deadline hearing", 2,
                "safeguard: bad input: clock hearing needs --from: the time it starts, ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00"
            ),
            (
                "deadline hearing --from 2026-05-23", 2,
                "safeguard: bad input: malformed time for --from; expected ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00"
            ),
            (
                "deadline hearing --from 2030-01-01T10:00:00Z", 2,
                "safeguard: bad input: 2030-01-01 is beyond the bank-holiday table ew-2026-11-21, which covers 2011-01-01 to 2028-12-31; expected a table that covers it (update Calendars/england-and-wales.json)"
            ),
            (
                "deadline order_end --made-on 2026-06-01", 2,
                "safeguard: bad input: clock order_end needs --days: the order's period, a whole number of days"
            ),
        ] as [(String, Int32, String)])
    func badInputIsOneLine(command: String, status: Int32, message: String) throws {
        let run = try Cli().run(command)
        #expect(run.status == status)
        #expect(run.stderr == message + "\n")
    }
}

import Foundation
import Testing

/// A plugin's visit schedule: `due`'s advice to run tick is true, tick records the miss, and the
/// miss is counted rather than vanishing at the order's end, and once recorded it leaves due.
@Suite("Golden runs: missed visits")
struct MissedVisitGoldenTests {
    @Test func tickRecordsAMissedVisitAndReportCountsIt() throws {
        let cli = Cli()
        let steps = [
            "open --force humberside --id H1 --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used",
            RecoveryGoldenTests.authorise.replacingOccurrences(of: "C1", with: "H1"),
            "fire H1 serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1 --role constable --data address_refused=true",
            "fire H1 apply_for_order --at 2026-05-24T10:00:00+01:00 --actor PC1 --role constable --data court=Hull --data listed_for=2026-05-26T10:00:00+01:00",
            "fire H1 grant_order --at 2026-05-26T11:00:00+01:00 --actor PC1 --role constable --data days=14",
        ]
        for step in steps { #expect(try cli.run(step).status == 0) }
        #expect(
            try cli.run("due --at 2026-05-27T12:00:00+01:00").stdout.hasPrefix(
                "2026-05-27T11:00:00+01:00  H1  first_visit  humberside  OVERDUE by 1h 0m (run safeguard tick)\n"))
        let tick = try cli.run("tick --at 2026-05-27T12:00:00+01:00")
        #expect(tick.stdout.hasPrefix("H1  record_missed_visit  stays order_in_force  (event 6 at 2026-05-27T11:00:00+01:00 by engine, engine)"))
        // A force's own schedule asks no decision (its clocks have no decided_by): once tick has
        // recorded the miss it leaves due, and nothing asks for a decision that cannot be recorded.
        let due = try cli.run("due --at 2026-05-27T12:00:00+01:00").stdout
        #expect(due == "2026-06-08T23:59:59.999+01:00  H1  order_end  humberside  in 12d 11h\n")
        #expect(try cli.run("show H1").stdout.contains("first_visit"))
        #expect(!(try cli.run("show H1").stdout.contains("NEEDS A DECISION")))
        // The order runs out without a visit: the miss is still counted.
        #expect(try cli.run("tick --at 2026-06-09T09:00:00+01:00").status == 0)
        #expect(try cli.run("show H1 --json").stdout.contains("\"state\":\"expired\""))
        let report = try cli.run("report").stdout.split(separator: "\n")
        #expect(report.contains { $0.hasPrefix("visits_missed ") && $0.hasSuffix(" 1") })
    }
}

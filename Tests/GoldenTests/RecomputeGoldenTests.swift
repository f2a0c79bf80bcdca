import Foundation
import Testing

@Suite("Golden runs: recomputing deadlines after the bank-holiday table changes")
struct RecomputeGoldenTests {
    /// A scripts folder copied for the test to edit, and case D1 served on it (2026-06-04 09:00).
    static func servedCase() throws -> (Cli, URL) {
        let cli = Cli()
        let scripts = cli.folder.appendingPathComponent("scripts")
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: scripts.appendingPathComponent(folder))
        }
        let open = [
            "open --force durham --id D1 --at 2026-06-03T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used",
            "fire D1 authorise_notice --at 2026-06-04T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
            "fire D1 serve_notice --at 2026-06-04T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
        ]
        for step in open { #expect(try cli.run(Cli.words(step) + ["--scripts", scripts.path]).status == 0) }
        return (cli, scripts)
    }

    @Test func aNewBankHolidayMovesPendingDeadlinesAndIsReported() throws {
        let (cli, scripts) = try Self.servedCase()
        #expect(try cli.run(["recompute", "--scripts", scripts.path]).stdout == "0 deadlines moved\n")

        // A one-off bank holiday is proclaimed for Friday 5 June 2026, in a new table version; an
        // added day needs its source.
        let table = scripts.appendingPathComponent("Calendars/england-and-wales.json")
        var text = try String(contentsOf: table, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": \"ew-2026-11-21\"", with: "\"version\": \"ew-2026-12-01\"")
        text = text.replacingOccurrences(
            of: "\"days\": [", with: "\"days\": [\n  {\"date\": \"2026-06-05\", \"kind\": \"bank_holiday\", \"name\": \"One-off bank holiday\", \"source\": \"London Gazette 64120\"},")
        try text.write(to: table, atomically: true, encoding: .utf8)

        let dry = try cli.run(["recompute", "--dry-run", "--scripts", scripts.path])
        #expect(
            dry.stdout == """
                D1  hearing  2026-06-06T09:00:00+01:00 → 2026-06-08T09:00:00+01:00  (table ew-2026-11-21 → ew-2026-12-01+2026-06-05)
                1 deadline would move

                """)
        #expect(try cli.run("history D1").stdout.split(separator: "\n").count == 3)
        let real = try cli.run(["recompute", "--at", "2026-06-04T12:00:00+01:00", "--scripts", scripts.path])
        #expect(real.stdout.hasSuffix("1 deadline moved\n"))
        let history = try cli.run("history D1").stdout.split(separator: "\n")
        #expect(history.last == "D1  recompute_deadlines  stays notice_served  (event 4 at 2026-06-04T12:00:00+01:00 by engine, engine)")
        let show = try cli.run(["show", "D1", "--json"])
        let deadline = ((try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as! [String: Any])["deadlines"] as! [[String: Any]])[0]
        #expect(deadline["due"] as? String == "2026-06-08T09:00:00+01:00")
        #expect(deadline["table_version"] as? String == "ew-2026-12-01+2026-06-05")
        #expect(try cli.run(["recompute", "--scripts", scripts.path]).stdout == "0 deadlines moved\n")
    }

    @Test func aDayAddedUnderTheSameVersionStillMovesDeadlines() throws {
        let (cli, scripts) = try Self.servedCase()
        // The day is added but the table's version is left as it was.
        let table = scripts.appendingPathComponent("Calendars/england-and-wales.json")
        let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(
            of: "\"days\": [", with: "\"days\": [\n  {\"date\": \"2026-06-05\", \"kind\": \"bank_holiday\", \"name\": \"One-off bank holiday\", \"source\": \"London Gazette 64120\"},")
        try text.write(to: table, atomically: true, encoding: .utf8)
        let dry = try cli.run(["recompute", "--dry-run", "--scripts", scripts.path])
        #expect(
            dry.stdout == """
                D1  hearing  2026-06-06T09:00:00+01:00 → 2026-06-08T09:00:00+01:00  (table ew-2026-11-21 → ew-2026-11-21+2026-06-05)
                1 deadline would move

                """)
    }
}

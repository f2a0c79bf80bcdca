import Foundation
import Testing

/// A second workflow declaring figures named like the national ones: `report` counts each
/// workflow's apart (both rows shown as `workflow.figure`), never adding one regime's to the
/// other's, and `check` warns at the newcomer's line.
@Suite("Golden runs: figures of two workflows never add up")
struct FigureCollisionGoldenTests {
    static let workflow = """
        local z = engine.workflow { name = "zzz", title = "A workflow whose figures reuse the national names" }
        z:state("open", "Open")
        z:state("closed", "Closed", { final = true })
        z:event("start", { opens = true, to = "open", who = "constable", summary = "Start" })
        z:event("close", { from = { "open" }, to = "closed", who = "constable", summary = "Close" })
        z:figures {
          { "notices_authorised", count = "start" },
          { "orders_granted", count = "start" },
        }
        """

    @Test func eachWorkflowsFiguresAreItsOwn() throws {
        var cli = Cli()
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        try Self.workflow.write(to: copy.appendingPathComponent("Workflows/zzz.lua"), atomically: true, encoding: .utf8)
        cli.environment["SAFEGUARD_SCRIPTS"] = copy.path

        for line in [
            "open --workflow dvpo --force essex --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --id E1 --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used",
            "fire E1 authorise_notice --at 2026-06-01T23:00:00+01:00 --actor SUP1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
            "open --workflow zzz --force essex --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --id Z1",
            "open --workflow zzz --force essex --at 2026-06-01T22:30:00+01:00 --actor PC1 --role constable --id Z2",
        ] {
            let run = try cli.run(line)
            #expect(run.status == 0, "\(line): \(run.stderr)")
        }

        let table = try cli.run("report").stdout.split(separator: "\n").map { $0.replacingOccurrences(of: " +", with: " ", options: .regularExpression) }
        #expect(table.contains("dvpo.notices_authorised 1"))
        #expect(table.contains("zzz.notices_authorised 2"))
        #expect(table.contains("dvpo.orders_granted 0"))
        #expect(table.contains("zzz.orders_granted 2"))
        #expect(!table.contains { $0.hasPrefix("notices_authorised ") || $0.hasPrefix("orders_granted ") })
        // The national grant rate is over the national orders alone: none granted or refused.
        #expect(table.contains("grant_rate -"))

        let json = try cli.run("report --json").stdout
        #expect(json.contains("\"dvpo.notices_authorised\":1"), "\(json)")
        #expect(json.contains("\"zzz.notices_authorised\":2"))
        #expect(!json.contains("\"notices_authorised\""))

        // One workflow's report keeps the plain names: nothing else is reported beside them.
        let national = try cli.run("report --workflow dvpo").stdout
        #expect(national.contains("\nnotices_authorised "), "\(national)")

        let check = try cli.run("check")
        #expect(check.status == 0)
        #expect(
            check.stdout.contains(
                "Workflows/zzz.lua:6: warning: figure notices_authorised of workflow zzz is also a figure of workflow dvpo (\(Cli.dvpoLine("dvpo:figures {"))); report counts each apart, as dvpo.notices_authorised and zzz.notices_authorised; expected a name of its own, such as zzz_notices_authorised"
            ), "\(check.stdout)")
    }
}

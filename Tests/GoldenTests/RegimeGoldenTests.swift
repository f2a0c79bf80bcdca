import Foundation
import Testing

@Suite("Golden runs: the regime table chooses the workflow")
struct RegimeGoldenTests {
    static let dapoData =
        "--data route=police_notice --data perpetrator_dob=1985-03-02 --data victim_dob=1990-07-09 --data relationship=intimate_relationship --data abuse=controlling_or_coercive,economic"
    static let dvpoData = "--data perpetrator_dob=1985-03-02 --data relationship=cohabitant --data violence=used"

    @Test func greaterManchesterRunsDapoIn2026AndDvpoIn2023WithoutAFlag() throws {
        let cli = Cli()
        #expect(try cli.run("open --force greater_manchester --id G26 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dapoData)").status == 0)
        #expect(try cli.run("open --force greater_manchester --id G23 --at 2023-02-10T21:00:00Z --actor PC7 --role constable \(Self.dvpoData)").status == 0)
        let list = try cli.run("list")
        #expect(
            list.stdout == """
                G23  incident  dvpo  greater_manchester  updated 2023-02-10T21:00:00Z
                G26  incident  dapo  greater_manchester  updated 2026-02-10T21:00:00Z

                """)
    }

    @Test func theMetNeedsTheAreaDuringThePilot() throws {
        let cli = Cli()
        let refused = try cli.run("open --force metropolitan --id M1 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dapoData)")
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "safeguard: bad input: metropolitan runs dapo on 2026-02-10 only in some areas (bromley, croydon, sutton) and dvpo elsewhere; expected --area naming the case's area, or --workflow\n"
        )
        let opened = try cli.run(
            "open --force metropolitan --area Croydon --id M1 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dapoData) --data perpetrator_borough=croydon --json"
        )
        #expect(opened.status == 0)
        #expect(opened.stdout.contains("\"workflow\":\"dapo\""))
        #expect(opened.stdout.contains("\"area\":\"croydon\""))
        #expect(try cli.run("regimes --check").stdout == "No open case would be opened under another workflow by the table as it stands.\n")
    }

    @Test func dapoNamedWhereTheTableDoesNotPutTheCaseUnderItIsRefusedNamingTheRow() throws {
        let cli = Cli()
        let essex = try cli.run("open --workflow dapo --force essex --id E1 --at 2025-06-01T21:00:00Z --actor PC7 --role constable \(Self.dapoData)")
        #expect(essex.status == 1)
        #expect(
            essex.stderr
                == "safeguard: refused: --workflow dapo is not in force for essex on 2025-06-01: Regimes/england-and-wales.json no row covers it, so the default dvpo applies; expected --workflow dvpo, or no --workflow\n"
        )
        let after = try cli.run(
            "open --workflow dapo --force greater_manchester --id G1 --at 2026-04-01T09:00:00+01:00 --actor PC7 --role constable \(Self.dapoData)")
        #expect(after.status == 1)
        #expect(after.stderr.hasPrefix("safeguard: refused: --workflow dapo is not in force for greater_manchester on 2026-04-01: "))
        let district = try cli.run(
            "open --workflow dapo --force metropolitan --area Lambeth --id M2 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dapoData)")
        #expect(district.status == 1)
        #expect(district.stderr.contains("not in force for metropolitan lambeth on 2026-02-10"))
        let noArea = try cli.run("open --workflow dapo --force metropolitan --id M3 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dapoData)")
        #expect(noArea.status == 2)
        #expect(
            noArea.stderr
                == "safeguard: bad input: --workflow dapo: metropolitan runs dapo on 2026-02-10 only in some areas (bromley, croydon, sutton); expected --area naming the case's area\n"
        )
        let listed = try cli.run("list").stdout
        #expect(!["E1", "G1", "M2", "M3"].contains { listed.contains($0) })
        // The 2010 Act was not repealed: a district still giving DVPNs names dvpo inside the pilot.
        let dvpo = try cli.run(
            "open --workflow dvpo --force greater_manchester --id G2 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dvpoData)")
        #expect(dvpo.status == 0)
        let dapo = try cli.run(
            "open --workflow dapo --force greater_manchester --id G3 --at 2026-02-10T21:00:00Z --actor PC7 --role constable \(Self.dapoData)")
        #expect(dapo.status == 0)
    }

    @Test func aDisclosureTargetIsExplainedInWorkingDays() throws {
        let run = try Cli().run("deadline disclosure_target --workflow dvds --from 2026-04-30T10:00:00+01:00")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "disclosure_target: 28 working days after Thu 30 Apr 2026, the day the clock started (day 0; started 2026-04-30T10:00:00+01:00)")
        #expect(lines.contains("  Mon 25 May 2026  Spring bank holiday, not a working day"))
        #expect(lines.contains("deadline: 2026-06-11T23:59:59.999+01:00 (BST)"))
    }
}

@Suite("Golden runs: check reads the regime table")
struct RegimeCheckGoldenTests {
    @Test func aRowNamingAMissingWorkflowIsAnError() throws {
        let cli = Cli()
        let scripts = cli.folder.appendingPathComponent("scripts")
        for folder in ["Workflows", "Plugins", "Calendars", "Regimes"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: scripts.appendingPathComponent(folder))
        }
        try """
        {"version": "t", "default": "dvpo", "rows": [{"force": "essex", "regime": "dapn", "from": "2026-01-01"}]}
        """.write(to: scripts.appendingPathComponent("Regimes/england-and-wales.json"), atomically: true, encoding: .utf8)
        let run = try cli.run(["check", "--scripts", scripts.path])
        #expect(run.status == 3)
        #expect(
            run.stdout.contains(
                "Regimes/england-and-wales.json: row 1 (essex) names workflow dapn, which the scripts do not have; expected one of: dapo, dvds, dvpo, restraining_order"
            ))
    }
}

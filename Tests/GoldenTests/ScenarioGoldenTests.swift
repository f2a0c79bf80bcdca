import Foundation
import Testing

@Suite("Golden runs: safeguard test")
struct ScenarioGoldenTests {
    @Test func theShippedScenariosPassAndReportCoverage() throws {
        let run = try Cli().run("test")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for file in [
            "essex", "greater_manchester", "humberside", "humberside_breach_at_the_end", "national_lifecycle", "national_missed_hearing", "national_order_end",
            "national_refused", "west_mercia",
            "wiltshire", "dapo_lifecycle", "dapo_routes", "dapo_variation", "dapo_victim_application", "greater_manchester_dapo", "metropolitan_dapo",
            "dvds_right_to_ask", "dvds_right_to_know", "restraining_order", "restraining_order_acquittal",
        ] {
            #expect(lines.contains { $0.hasPrefix("PASS  Scenarios/\(file).lua  ") }, "no PASS for \(file)")
        }
        #expect(lines.contains { $0.hasPrefix("coverage dvpo for national: states 9 of 9, events ") })
        #expect(lines.contains { $0.hasPrefix("coverage dvds for national: states 9 of 10, events 12 of 14") })
        #expect(lines.last == "20 passed, 0 failed")
    }

    @Test func aScenarioPathIsFoundInTheScriptsFolder() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent("Scenarios"), to: scripts.appendingPathComponent("Scenarios"))
        let run = try cli.run(["test", "Scenarios/essex.lua", "--scripts", scripts.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("PASS  Scenarios/essex.lua  "))
        let missing = try cli.run(["test", "Scenarios/nowhere.lua", "--scripts", scripts.path])
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "safeguard: bad input: no scenario file or folder at Scenarios/nowhere.lua, in the working directory or the scripts folder; expected .lua scenario files\n"
        )
    }

    @Test func aWrongExpectationFailsWithItsStepAndReason() throws {
        let cli = Cli()
        let file = cli.folder.appendingPathComponent("wrong.lua")
        try """
        return {
          name = "Wrong on purpose", force = "national",
          steps = {
            { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
              data = { perpetrator_dob = "1980-01-01", relationship = "spouse", violence = "used" } },
            { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "inspector",
              data = { grounds = "g", victim_opinion = "v", children_welfare = "c",
                perpetrator_representations = "none", premises_conditions = false },
              expect = { state = "notice_authorised" } },
          },
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try cli.run(["test", file.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "FAIL  \(file.path)  Wrong on purpose (national, 2 steps)")
        #expect(
            lines[1] == "      \(file.path):6: step 2 authorise_notice: refused: authorise_notice refused by rule who (\(Cli.authoriseNotice)): needs superintendent or above (Crime and Security Act 2010 s.24(1)); TEST holds inspector")
        #expect(lines.last == "0 passed, 1 failed")
    }

    @Test func aScenarioThatIsNotATableIsBadInput() throws {
        let cli = Cli()
        let file = cli.folder.appendingPathComponent("empty.lua")
        try "return 42\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try cli.run(["test", file.path])
        #expect(run.status == 2)
        #expect(run.stderr == "safeguard: bad input: \(file.path): a scenario returns a table; got a whole number\n")
    }
}

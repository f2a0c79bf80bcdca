import Foundation
import Testing

@Suite("Golden runs: safeguard test")
struct ScenarioGoldenTests {
    @Test func theShippedScenariosPassAndReportCoverage() throws {
        let run = try Cli().run("test")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for file in ["essex", "greater_manchester", "humberside", "humberside_breach_at_the_end", "national_lifecycle", "national_missed_hearing", "national_order_end", "national_refused", "west_mercia", "wiltshire"] {
            #expect(lines.contains { $0.hasPrefix("PASS  Scenarios/\(file).lua  ") }, "no PASS for \(file)")
        }
        #expect(lines.contains { $0.hasPrefix("coverage dvpo for national: states 9 of 9, events ") })
        #expect(lines.last == "10 passed, 0 failed")
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
        #expect(lines[1] == "      step 2 authorise_notice: refused: authorise_notice needs superintendent or above; the actor's role is inspector")
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

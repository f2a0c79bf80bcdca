import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard test`: runs administrators' scenario files against each force's procedure.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenario files (a sequence of transitions with what is expected after each) and report which states and events they covered.",
        discussion: """
            A scenario is a Lua file returning a table: name, force, and steps, each { event = "…", at = "…", role = "…", data = { … }, expect = { state = "…", refused = "part of the message", error = "bad input", data = { … }, deadlines = { hearing = "…" or { due = "…", status = "met" } } } }, or { tick = "…" } to let the engine's clock fire what is due. Runs in memory: no database is touched. Exits 1 when a scenario fails.

            Examples:  safeguard test            (every file in the scripts folder's Scenarios/)
                       safeguard test Scenarios/essex.lua
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Scenario files or folders (default: Scenarios/ in the scripts folder).")
    var paths: [String] = []

    func run() throws {
        var failed = false
        try reporting(json: global.json) { () throws(WorkflowError) in
            let suite = try ScenarioSuite(try global.configuration())
            var results: [ScenarioRunner.Result] = []
            for file in try suite.files(paths) {
                let result = try suite.run(file: file)
                results.append(result)
                if !global.json {
                    let status = result.failure == nil ? "PASS" : "FAIL"
                    print("\(status)  \(result.scenario.path)  \(result.scenario.name) (\(result.scenario.force), \(result.scenario.steps.count) steps)")
                    if let failure = result.failure { print("      \(failure)") }
                }
            }
            let coverage = try suite.coverage(results)
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "scenarios": .array(
                                results.map {
                                    .object([
                                        "path": .string($0.scenario.path), "name": .string($0.scenario.name), "force": .string($0.scenario.force),
                                        "passed": .bool($0.failure == nil), "failure": $0.failure.map(Value.string) ?? .null,
                                    ])
                                }),
                            "coverage": .array(
                                coverage.map { group in
                                    .object([
                                        "force": .string(group.force), "workflow": .string(group.workflow),
                                        "states_not_reached": .array(group.statesNotReached.map(Value.string)),
                                        "events_not_fired": .array(group.eventsNotFired.map(Value.string)),
                                    ])
                                }),
                        ])))
            } else {
                for group in coverage {
                    print(
                        "coverage \(group.workflow) for \(group.force): states \(group.states - group.statesNotReached.count) of \(group.states), events \(group.events - group.eventsNotFired.count) of \(group.events)"
                            + (group.statesNotReached.isEmpty ? "" : "; states not reached: \(group.statesNotReached.joined(separator: ", "))")
                            + (group.eventsNotFired.isEmpty ? "" : "; events not fired: \(group.eventsNotFired.joined(separator: ", "))"))
                }
                let passed = results.filter { $0.failure == nil }.count
                print("\(passed) passed, \(results.count - passed) failed")
            }
            failed = results.contains { $0.failure != nil }
        }
        if failed { throw ExitCode(1) }
    }
}

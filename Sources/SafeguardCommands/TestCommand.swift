import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore
import WorkflowLua

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
        try reporting { () throws(WorkflowError) in
            let root = try global.scriptFolder()
            let files = try Self.files(paths.isEmpty ? [root.appendingPathComponent("Scenarios").path] : paths)
            let runner = ScenarioRunner(configuration: try global.configuration())
            let reader = try LuaInterpreter(limits: try global.sandboxLimits())
            var results: [ScenarioRunner.Result] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    throw .badInput("\(file): cannot be read as UTF-8 text")
                }
                let value: Value
                let shownPath = file.hasPrefix(root.path + "/") ? String(file.dropFirst(root.path.count + 1)) : file
                switch reader.evaluate(ScriptSource(path: shownPath, text: text)) {
                case .success(let returned): value = returned
                case .failure(let failure): throw .script(failure.message)
                }
                let result = runner.run(try Scenario(path: shownPath, value: value))
                results.append(result)
                if !global.json {
                    let status = result.failure == nil ? "PASS" : "FAIL"
                    print("\(status)  \(result.scenario.path)  \(result.scenario.name) (\(result.scenario.force), \(result.scenario.steps.count) steps)")
                    if let failure = result.failure { print("      \(failure)") }
                }
            }
            let coverage = try Self.coverage(results, runner: runner)
            if global.json {
                print(Rendering.json(.object([
                    "scenarios": .array(results.map { .object(["path": .string($0.scenario.path), "name": .string($0.scenario.name), "force": .string($0.scenario.force), "passed": .bool($0.failure == nil), "failure": $0.failure.map(Value.string) ?? .null]) }),
                    "coverage": .array(coverage.map(\.json)),
                ])))
            } else {
                for line in coverage.map(\.text) { print(line) }
                let passed = results.filter { $0.failure == nil }.count
                print("\(passed) passed, \(results.count - passed) failed")
            }
            failed = results.contains { $0.failure != nil }
        }
        if failed { throw ExitCode(1) }
    }

    /// The `.lua` files named, folders expanded in name order.
    static func files(_ paths: [String]) throws(WorkflowError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .badInput("no scenario file or folder at \(path); expected .lua scenario files")
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".lua") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        if files.isEmpty { throw .badInput("no .lua scenario files in \(paths.joined(separator: ", "))") }
        return files
    }

    /// For each force and workflow the scenarios ran: the states and events covered, and not.
    static func coverage(_ results: [ScenarioRunner.Result], runner: ScenarioRunner) throws(WorkflowError) -> [(text: String, json: Value)] {
        var lines: [(String, Value)] = []
        let groups = Dictionary(grouping: results) { "\($0.scenario.force)/\($0.scenario.workflow)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let workflow = try runner.engine(for: group[0].scenario).workflow
            let states = group.reduce(into: Set<String>()) { $0.formUnion($1.statesReached) }
            let events = group.reduce(into: Set<String>()) { $0.formUnion($1.eventsFired) }
            let missingStates = workflow.states.map(\.name).filter { !states.contains($0) }
            let missingEvents = workflow.events.map(\.name).filter { !events.contains($0) }
            let text = "coverage \(group[0].scenario.workflow) for \(group[0].scenario.force): states \(workflow.states.count - missingStates.count) of \(workflow.states.count), events \(workflow.events.count - missingEvents.count) of \(workflow.events.count)"
                + (missingStates.isEmpty ? "" : "; states not reached: \(missingStates.joined(separator: ", "))")
                + (missingEvents.isEmpty ? "" : "; events not fired: \(missingEvents.joined(separator: ", "))")
            lines.append((text, .object([
                "force": .string(group[0].scenario.force), "workflow": .string(group[0].scenario.workflow),
                "states_not_reached": .array(missingStates.map(Value.string)), "events_not_fired": .array(missingEvents.map(Value.string)),
            ])))
        }
        return lines
    }
}

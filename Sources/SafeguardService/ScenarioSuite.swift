import Foundation
import WorkflowCore
import WorkflowLua

/// Scenario files run against each force's procedure, in memory: `safeguard test`.
public final class ScenarioSuite {
    /// For one force and workflow the scenarios ran: the states and events not covered.
    public struct Coverage {
        public var force: String
        public var workflow: String
        public var states: Int
        public var events: Int
        public var statesNotReached: [String]
        public var eventsNotFired: [String]
    }

    private let root: URL
    private let runner: ScenarioRunner
    private let reader: LuaInterpreter

    public init(_ configuration: Configuration) throws(WorkflowError) {
        root = try configuration.scriptFolder()
        runner = ScenarioRunner(configuration: configuration)
        reader = try LuaInterpreter(limits: configuration.limits)
    }

    /// The files `paths` name (the scripts folder's `Scenarios/` when none), folders expanded.
    /// `Scenarios/x.lua:12: step 2 …` for a failure of step 2, when each step in the file opens
    /// on its own line with `{ event =` or `{ tick =` (as the shipped scenarios are written).
    static func located(_ failure: String, path: String, text: String, steps: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { index in
            let line = lines[index].drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("{") else { return false }
            let rest = line.dropFirst().drop { $0 == " " }
            return rest.hasPrefix("event") || rest.hasPrefix("tick")
        }
        guard starts.count == steps, failure.hasPrefix("step "),
            let number = Int(failure.dropFirst(5).prefix { $0.isNumber }), number >= 1, number <= steps
        else { return failure }
        return "\(path):\(starts[number - 1] + 1): \(failure)"
    }

    /// A relative path is looked for in the working directory, then in the scripts folder, so
    /// `safeguard test Scenarios/essex.lua --scripts DIR` runs DIR's scenario from anywhere.
    public func files(_ paths: [String]) throws(WorkflowError) -> [String] {
        let resolved = paths.map { path in
            guard !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: path) else { return path }
            let inScripts = root.appendingPathComponent(path).path
            return FileManager.default.fileExists(atPath: inScripts) ? inScripts : path
        }
        return try Self.files(paths.isEmpty ? [root.appendingPathComponent("Scenarios").path] : resolved)
    }

    /// Reads one scenario file (a Lua file returning a table) and runs it.
    public func run(file: String) throws(WorkflowError) -> ScenarioRunner.Result {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw .badInput("\(file): cannot be read as UTF-8 text")
        }
        let shownPath = file.hasPrefix(root.path + "/") ? String(file.dropFirst(root.path.count + 1)) : file
        switch reader.evaluate(ScriptSource(path: shownPath, text: text)) {
        case .success(let value):
            let scenario = try Scenario(path: shownPath, value: value)
            var result = runner.run(scenario)
            result.failure = result.failure.map { Self.located($0, path: shownPath, text: text, steps: scenario.steps.count) }
            return result
        case .failure(let failure): throw .script(failure.message)
        }
    }

    /// The `.lua` files named, folders expanded in name order.
    public static func files(_ paths: [String]) throws(WorkflowError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .badInput("no scenario file or folder at \(path), in the working directory or the scripts folder; expected .lua scenario files")
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

    /// For each force and workflow the scenarios ran, in that order: the states and events covered, and not.
    public func coverage(_ results: [ScenarioRunner.Result]) throws(WorkflowError) -> [Coverage] {
        var coverage: [Coverage] = []
        let groups = Dictionary(grouping: results) { "\($0.scenario.force)/\($0.scenario.workflow)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let workflow = try runner.engine(for: group[0].scenario).workflow
            let states = group.reduce(into: Set<String>()) { $0.formUnion($1.statesReached) }
            let events = group.reduce(into: Set<String>()) { $0.formUnion($1.eventsFired) }
            coverage.append(
                Coverage(
                    force: group[0].scenario.force, workflow: group[0].scenario.workflow,
                    states: workflow.states.count, events: workflow.events.count,
                    statesNotReached: workflow.states.map(\.name).filter { !states.contains($0) },
                    eventsNotFired: workflow.events.map(\.name).filter { !events.contains($0) }))
        }
        return coverage
    }
}

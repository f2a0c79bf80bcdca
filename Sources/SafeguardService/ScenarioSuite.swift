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
    public func files(_ paths: [String]) throws(WorkflowError) -> [String] {
        try Self.files(paths.isEmpty ? [root.appendingPathComponent("Scenarios").path] : paths)
    }

    /// Reads one scenario file (a Lua file returning a table) and runs it.
    public func run(file: String) throws(WorkflowError) -> ScenarioRunner.Result {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw .badInput("\(file): cannot be read as UTF-8 text")
        }
        let shownPath = file.hasPrefix(root.path + "/") ? String(file.dropFirst(root.path.count + 1)) : file
        switch reader.evaluate(ScriptSource(path: shownPath, text: text)) {
        case .success(let value): return runner.run(try Scenario(path: shownPath, value: value))
        case .failure(let failure): throw .script(failure.message)
        }
    }

    /// The `.lua` files named, folders expanded in name order.
    public static func files(_ paths: [String]) throws(WorkflowError) -> [String] {
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

    /// For each force and workflow the scenarios ran, in that order: the states and events covered, and not.
    public func coverage(_ results: [ScenarioRunner.Result]) throws(WorkflowError) -> [Coverage] {
        var coverage: [Coverage] = []
        let groups = Dictionary(grouping: results) { "\($0.scenario.force)/\($0.scenario.workflow)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let workflow = try runner.engine(for: group[0].scenario).workflow
            let states = group.reduce(into: Set<String>()) { $0.formUnion($1.statesReached) }
            let events = group.reduce(into: Set<String>()) { $0.formUnion($1.eventsFired) }
            coverage.append(Coverage(
                force: group[0].scenario.force, workflow: group[0].scenario.workflow,
                states: workflow.states.count, events: workflow.events.count,
                statesNotReached: workflow.states.map(\.name).filter { !states.contains($0) },
                eventsNotFired: workflow.events.map(\.name).filter { !events.contains($0) }))
        }
        return coverage
    }
}

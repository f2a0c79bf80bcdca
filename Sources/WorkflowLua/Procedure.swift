import CLua
import Foundation
import WorkflowCore

/// The scripts of a scripts folder, loaded into one sandboxed interpreter, and the workflows
/// they declare.
///
///     let procedure = try Procedure.load(from: ScriptFolder(root: url))
///     let dvpo = try procedure.workflow("dvpo")
public final class Procedure {
    public let interpreter: LuaInterpreter
    /// Every file the procedure is made of, in load order: the scripts and the holiday table.
    public let sources: [ScriptSource]
    public let workflows: [String: WorkflowDefinition]
    /// The bank-holiday table counted-time clocks use, when the folder has one.
    public let calendar: HolidayTable?

    init(interpreter: LuaInterpreter, sources: [ScriptSource], workflows: [String: WorkflowDefinition], calendar: HolidayTable?) {
        self.interpreter = interpreter
        self.sources = sources
        self.workflows = workflows
        self.calendar = calendar
    }

    public static func load(from folder: ScriptFolder, limits: SandboxLimits = .standard) throws(WorkflowError) -> Procedure {
        try load(sources: folder.workflowSources() + [folder.calendarSource()].compactMap { $0 }, limits: limits)
    }

    /// Loads scripts given as text, in order; a `Calendars/*.json` source is the holiday table.
    public static func load(sources: [ScriptSource], limits: SandboxLimits = .standard) throws(WorkflowError) -> Procedure {
        let interpreter = try LuaInterpreter(limits: limits)
        var calendar: HolidayTable?
        for source in sources {
            if source.path.hasPrefix("Calendars/") {
                calendar = try HolidayTable(json: Data(source.text.utf8), path: source.path)
            } else if case .failure(let failure) = interpreter.run(source) {
                throw .script(failure.message)
            }
        }
        let reader = DefinitionReader(hooks: LuaHookAdapter(interpreter: interpreter))
        var workflows: [String: WorkflowDefinition] = [:]
        for declared in try interpreter.declaredWorkflows() {
            let definition = try reader.read(declared)
            workflows[definition.name] = definition
        }
        return Procedure(interpreter: interpreter, sources: sources, workflows: workflows, calendar: calendar)
    }

    /// An engine for one of the workflows, with this procedure's hash and holiday table.
    public func engine(for name: String, procedure hash: String) throws(WorkflowError) -> TransitionEngine {
        TransitionEngine(workflow: try workflow(name), procedure: hash, calendar: calendar)
    }

    public func workflow(_ name: String) throws(WorkflowError) -> WorkflowDefinition {
        guard let definition = workflows[name] else {
            throw .badInput("unknown workflow \"\(name)\"; expected one of: \(workflows.keys.sorted().joined(separator: ", "))")
        }
        return definition
    }
}

extension LuaInterpreter {
    /// Each workflow's declarations, in the order they were declared, as plain data.
    func declaredWorkflows() throws(WorkflowError) -> [[String: Value]] {
        let base = lua_gettop(state)
        defer { lua_settop(state, base) }
        lua_rawgeti(state, sg_registryindex(), lua_Integer(registryReference))
        let registry = lua_gettop(state)
        lua_getfield(state, registry, "order")
        guard case .success(let order) = value(at: -1, path: "order") else { return [] }
        lua_getfield(state, registry, "workflows")
        let workflows = lua_gettop(state)
        var result: [[String: Value]] = []
        for case .string(let name) in order.arrayValue ?? [] {
            lua_getfield(state, workflows, name)
            switch value(at: -1, path: name) {
            case .success(.object(let declared)): result.append(declared)
            case .success: throw .script("workflow \(name): its declaration is not a table")
            case .failure(let problem): throw .script("workflow \(name): \(problem.message)")
            }
            sg_pop(state, 1)
        }
        return result
    }
}

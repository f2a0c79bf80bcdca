import WorkflowCore

/// The workflow files of one load, each run in an interpreter of its own with only the plugins
/// that extend its workflows: a new or broken file in `Workflows/` cannot change or stop another
/// file's workflow. A file that fails is set aside whole, with its first error.
struct WorkflowFiles {
    struct File {
        let source: ScriptSource
        let interpreter: LuaInterpreter
        /// The workflows the file declared, as plain data, in declaration order.
        var declared: [[String: Value]] = []
        var failure: WorkflowError?

        /// `dvpo` for `Workflows/dvpo.lua`: the workflow a file owns when two declare one name.
        var stem: String {
            String(source.path.split(separator: "/").last ?? "").replacingOccurrences(of: ".lua", with: "")
        }

        var names: [String] { declared.compactMap { $0["name"]?.stringValue } }
    }

    private(set) var files: [File] = []

    init(_ sources: [ScriptSource], force: String?, limits: SandboxLimits) throws(WorkflowError) {
        for source in sources {
            let interpreter = try LuaInterpreter(limits: limits)
            interpreter.setForce(force)
            var file = File(source: source, interpreter: interpreter)
            if case .failure(let failure) = interpreter.run(source) {
                file.failure = .script(failure)
            } else {
                do throws(WorkflowError) { file.declared = try interpreter.declaredWorkflows() } catch { file.failure = error }
            }
            files.append(file)
        }
    }

    /// A workflow declared by two files belongs to the file named for it (`Workflows/dvpo.lua`
    /// owns `dvpo`); any other file declaring it is refused. With no such file, every file
    /// declaring it is refused, since none can say which is meant.
    mutating func refuseSharedNames() {
        var declaredBy: [String: [Int]] = [:]
        for (index, file) in files.enumerated() where file.failure == nil {
            for name in file.names { declaredBy[name, default: []].append(index) }
        }
        for (name, indices) in declaredBy.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
            let owner = indices.first { files[$0].stem == name }
            for index in indices where index != owner && files[index].failure == nil {
                let at = files[index].declared.first { $0["name"]?.stringValue == name }.map(DefinitionReader.location)
                let others = indices.filter { $0 != index }.map { files[$0].source.path }.joined(separator: ", ")
                let reason =
                    owner.map { "workflow \(name) is declared by \(files[$0].source.path), the file named for it" }
                    ?? "workflow \(name) is also declared by \(others)"
                files[index].failure = .script("\(reason); expected each workflow declared once, in Workflows/\(name).lua", at: at)
            }
        }
    }

    /// One plugin folder's run: its own interpreter holding the workflow file it extends and the
    /// folder's files, and nothing of any other plugin's.
    struct PluginRun {
        let file: Int
        let folder: String
        let interpreter: LuaInterpreter
    }

    private(set) var pluginRuns: [PluginRun] = []

    /// Runs each force plugin folder in an interpreter of its own, after the workflow file it
    /// extends. A plugin's failure is the force's, not confined to one workflow file.
    mutating func addPlugins(
        _ sources: [ScriptSource], declared: [(folder: String, plugin: PluginInfo)], force: String?, limits: SandboxLimits, findings: Findings
    ) throws(WorkflowError) {
        var kept: Set<String> = []
        for file in files where file.failure == nil { kept.formUnion(file.names) }
        let setAside = Set(files.filter { $0.failure != nil }.flatMap { [$0.stem] + $0.names })
        let folders = sources.map { Procedure.folder(of: $0.path) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for (index, file) in files.enumerated() where file.failure == nil {
            let names = Set(file.names)
            for folder in folders where declared.contains(where: { $0.folder == folder && names.contains($0.plugin.extends) }) {
                let interpreter = try LuaInterpreter(limits: limits)
                interpreter.setForce(force)
                guard case .success = interpreter.run(file.source) else { continue }  // it ran alone already
                for source in sources where Procedure.folder(of: source.path) == folder {
                    if case .failure(let failure) = interpreter.run(source) {
                        findings.collect { () throws(WorkflowError) in throw .script(failure) }
                    }
                }
                pluginRuns.append(PluginRun(file: index, folder: folder, interpreter: interpreter))
            }
        }
        let running = Set(folders)
        for (folder, plugin) in declared where running.contains(folder) && force.map(plugin.forces.contains) == true {
            guard !kept.contains(plugin.extends), !setAside.contains(plugin.extends) else { continue }
            findings.collect { () throws(WorkflowError) in
                throw .script("plugin \(plugin.name) extends \(plugin.extends), which no workflow declares", at: plugin.location)
            }
        }
    }

    /// Sets a file aside with its first error.
    mutating func fail(_ path: String, _ error: WorkflowError) {
        for index in files.indices where files[index].source.path == path && files[index].failure == nil {
            files[index].failure = error
        }
    }

    /// Each set-aside file's error, in file order.
    var failures: [WorkflowError] { files.compactMap(\.failure) }

    /// The set-aside files' errors, by file name and by each workflow they declared.
    var unavailable: [String: WorkflowError] {
        var result: [String: WorkflowError] = [:]
        for file in files {
            guard let failure = file.failure else { continue }
            for name in [file.stem] + file.names where result[name] == nil { result[name] = failure }
        }
        return result
    }
}

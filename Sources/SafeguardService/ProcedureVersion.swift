import Ledger
import WorkflowCore
import WorkflowLua

/// One workflow's procedure version under a force: the files it is made of (the workflow's own
/// script, the plugins that extend it for the force, and the holiday table) and their hash. A
/// case is pinned to this hash, so editing another workflow's script does not re-version it.
public struct ProcedureVersion {
    public let procedure: Procedure
    public let workflow: String
    public let sources: [ScriptSource]
    public let hash: String

    public init(_ procedure: Procedure, workflow: String) throws(WorkflowError) {
        let definition = try procedure.workflow(workflow)
        let plugins = Set(definition.plugins.map { Self.folder(of: $0.location.file) })
        self.procedure = procedure
        self.workflow = workflow
        sources = procedure.sources.filter { source in
            if source.path.hasPrefix("Plugins/") { return plugins.contains(Self.folder(of: source.path)) }
            if source.path.hasPrefix("Workflows/") { return source.path == definition.location.file }
            return true
        }
        hash = ProcedureHash.of(sources)
    }

    /// An engine for the workflow, pinned to this version's hash.
    public func engine() throws(WorkflowError) -> TransitionEngine {
        try procedure.engine(for: workflow, procedure: hash)
    }

    /// The hash over every file of a force's procedure, all workflows together (`safeguard forces`).
    public static func wholeHash(_ procedure: Procedure) -> String {
        ProcedureHash.of(procedure.sources)
    }

    /// Whether stored sources are those a hash names.
    static func sources(_ sources: [ScriptSource], hashTo hash: String) -> Bool {
        ProcedureHash.of(sources) == hash
    }

    /// `Plugins/essex` for `Plugins/essex/plugin.lua`.
    static func folder(of path: String) -> String {
        path.split(separator: "/").prefix(2).joined(separator: "/")
    }
}

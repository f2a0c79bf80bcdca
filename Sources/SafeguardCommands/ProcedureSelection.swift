import ArgumentParser
import SafeguardService
import WorkflowCore

/// Which procedure a command describes: a workflow, with a force's plugins layered on or not.
struct ProcedureSelection: ParsableArguments {
    @Argument(help: "The workflow, e.g. dvpo.")
    var workflow = DefaultWorkflow.name

    @Option(help: "The force whose plugins to layer on (default: the national procedure alone).")
    var force: String?

    /// The selected workflow's effective definition, and the procedure's hash. A force not in the
    /// register is bad input naming the nearest id, as for `open`: a misspelt force would otherwise
    /// show the national procedure alone, as if the force had no plugins.
    func load(_ global: GlobalOptions) throws(WorkflowError) -> (definition: WorkflowDefinition, hash: String) {
        let configuration = try global.configuration()
        if let force { _ = try ForceRegister.load(configuration).check(force) }
        let version = try ProcedureVersion(try Casework.loadProcedure(configuration, force: force), workflow: workflow)
        return (try version.procedure.workflow(workflow), version.hash)
    }
}

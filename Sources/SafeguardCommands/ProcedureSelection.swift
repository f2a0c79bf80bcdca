import ArgumentParser
import SafeguardService
import WorkflowCore

/// Which procedure a command describes: a workflow, with a force's plugins layered on or not.
struct ProcedureSelection: ParsableArguments {
    @Argument(help: "The workflow, e.g. dvpo.")
    var workflow = DefaultWorkflow.name

    @Option(help: "The force whose plugins to layer on (default: the national procedure alone).")
    var force: String?

    /// The selected workflow's effective definition, and the procedure's hash.
    func load(_ global: GlobalOptions) throws(WorkflowError) -> (definition: WorkflowDefinition, hash: String) {
        let version = try ProcedureVersion(try Casework.loadProcedure(try global.configuration(), force: force), workflow: workflow)
        return (try version.procedure.workflow(workflow), version.hash)
    }
}

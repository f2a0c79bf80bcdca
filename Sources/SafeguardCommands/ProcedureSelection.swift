import ArgumentParser
import WorkflowCore

/// Which procedure a command describes: a workflow, with a force's plugins layered on or not.
struct ProcedureSelection: ParsableArguments {
    @Argument(help: "The workflow, e.g. dvpo.")
    var workflow = "dvpo"

    @Option(help: "The force whose plugins to layer on (default: the national procedure alone).")
    var force: String?

    /// The selected workflow's effective definition, and the procedure's hash.
    func load(_ global: GlobalOptions) throws(WorkflowError) -> (definition: WorkflowDefinition, hash: String) {
        let (procedure, hash) = try Casework.loadProcedure(global, force: force)
        return (try procedure.workflow(workflow), hash)
    }
}

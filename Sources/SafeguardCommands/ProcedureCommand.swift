import ArgumentParser
import WorkflowCore

/// `safeguard procedure`: a force's effective procedure, with where every piece came from.
struct ProcedureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure",
        abstract: "Print a force's effective procedure: states, events, who may fire each, data, policies, clocks, and the file:line of every piece.",
        discussion: "Example:  safeguard procedure dvpo --force essex")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The workflow, e.g. dvpo.")
    var workflow = "dvpo"

    @Option(help: "The force whose plugins to layer on (default: the national procedure alone).")
    var force: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let (procedure, hash) = try Casework.loadProcedure(global, force: force)
            let definition = try procedure.workflow(workflow)
            print(global.json ? Rendering.json(ProcedureDescription.json(definition, hash: hash)) : ProcedureDescription.text(definition, hash: hash))
        }
    }
}

import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard procedure`: a force's effective procedure, with where every piece came from.
struct ProcedureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure",
        abstract: "Print a force's effective procedure: states, events, who may fire each, data, policies, clocks, and the file:line of every piece.",
        discussion: "Example:  safeguard procedure dvpo --force essex")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var selection: ProcedureSelection

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let (definition, hash) = try selection.load(global)
            print(global.json ? Rendering.json(ProcedureDescription.json(definition, hash: hash)) : ProcedureDescription.text(definition, hash: hash))
        }
    }
}

import ArgumentParser
import WorkflowCore

/// `safeguard graph`: the effective procedure drawn.
struct Graph: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid
        case dot
    }

    static let configuration = CommandConfiguration(
        abstract: "Draw a force's effective procedure as a state diagram (Mermaid or Graphviz DOT), marking what each plugin added.",
        discussion: "Examples:  safeguard graph dvpo > dvpo.mmd;  safeguard graph dvpo --force essex --format dot | dot -Tpng -o essex.png")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The workflow, e.g. dvpo.")
    var workflow = "dvpo"

    @Option(help: "The force whose plugins to layer on (default: the national procedure alone).")
    var force: String?

    @Option(help: "mermaid or dot.")
    var format: Format = .mermaid

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let definition = try Casework.loadProcedure(global, force: force).procedure.workflow(workflow)
            print(format == .mermaid ? GraphRenderer.mermaid(definition) : GraphRenderer.dot(definition))
        }
    }
}

import ArgumentParser
import WorkflowCore

/// `safeguard graph`: the effective procedure drawn.
struct Graph: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid
        case dot
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a force's effective procedure as a state diagram (Mermaid or Graphviz DOT), marking what each plugin added.",
        discussion: "Examples:  safeguard graph dvpo > dvpo.mmd;  safeguard graph dvpo --force essex --format dot | dot -Tpng -o essex.png")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var selection: ProcedureSelection

    @Option(help: "mermaid or dot.")
    var format: Format = .mermaid

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let definition = try selection.load(global).definition
            print(format == .mermaid ? GraphRenderer.mermaid(definition) : GraphRenderer.dot(definition))
        }
    }
}

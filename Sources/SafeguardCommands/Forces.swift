import ArgumentParser
import SafeguardService
import WorkflowCore
import WorkflowLua

/// `safeguard forces`: the forces the plugins name, and the plugins each gets.
struct Forces: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the forces with plugins, and the plugins layered on the national procedure for each.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let national = try Casework.loadProcedure(try global.configuration(), force: nil)
            let forces = Set(national.allPlugins.flatMap(\.forces)).sorted()
            var rows: [Value] = []
            var lines: [String] = []
            let width = forces.map(\.count).max() ?? 0
            for force in forces {
                let procedure = try Casework.loadProcedure(try global.configuration(), force: force)
                let hash = ProcedureVersion.wholeHash(procedure)
                let plugins = procedure.workflows.values.sorted { $0.name < $1.name }.flatMap(\.plugins)
                rows.append(.object([
                    "force": .string(force), "procedure": .string(hash),
                    "plugins": .array(plugins.map { .object(["name": .string($0.name), "version": .string($0.version), "source": .string($0.location.description)]) }),
                ]))
                lines.append(force.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + plugins.map { "\($0.name) \($0.version)" }.joined(separator: ", "))
            }
            if global.json {
                print(Rendering.json(.object(["forces": .array(rows)])))
            } else {
                lines.append("Any other force runs the national procedure alone.")
                print(lines.joined(separator: "\n"))
            }
        }
    }
}

import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard forces`: the forces the plugins name, and the plugins each gets.
struct Forces: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the forces with plugins, and the plugins layered on the national procedure for each.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let forces = try ScriptsReview.forces(try global.configuration())
            var rows: [Value] = []
            var lines: [String] = []
            let width = forces.map(\.force.count).max() ?? 0
            for (force, hash, plugins) in forces {
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

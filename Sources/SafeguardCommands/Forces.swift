import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard forces`: the forces the plugins name, and the plugins each gets; with `--all`,
/// every force in the register.
struct Forces: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forces",
        abstract: "List the forces with plugins, and the plugins layered on the national procedure for each (--all: every force in the register).",
        discussion: """
            A case's --force must be an id from the register of forces, Forces/england-and-wales.json: the 43 territorial forces of England and Wales, British Transport Police and Ministry of Defence Police (or national, for the national procedure alone). A force without a plugin runs the national procedure.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "List every force in the register, with its name and the plugins it gets.")
    var all = false

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let configuration = try global.configuration()
            let forces = try ScriptsReview.forces(configuration)
            if all {
                try printRegister(
                    try ForceRegister.load(configuration), plugins: Dictionary(forces.map { ($0.force, $0.plugins) }, uniquingKeysWith: { a, _ in a }))
                return
            }
            var rows: [Value] = []
            var lines: [String] = []
            let width = forces.map(\.force.count).max() ?? 0
            for (force, hash, plugins) in forces {
                rows.append(
                    .object([
                        "force": .string(force), "procedure": .string(hash),
                        "plugins": .array(
                            plugins.map { .object(["name": .string($0.name), "version": .string($0.version), "source": .string($0.location.description)]) }),
                    ]))
                lines.append(
                    force.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + plugins.map { "\($0.name) \($0.version)" }.joined(separator: ", "))
            }
            if global.json {
                print(Rendering.json(.object(["forces": .array(rows)])))
            } else {
                lines.append("Any other force in the register ('safeguard forces --all') runs the national procedure alone.")
                print(lines.joined(separator: "\n"))
            }
        }
    }

    private func printRegister(_ register: ForceRegister, plugins: [String: [PluginInfo]]) throws(WorkflowError) {
        if global.json {
            print(
                Rendering.json(
                    .object([
                        "version": .string(register.version),
                        "forces": .array(
                            register.forces.map { force in
                                .object([
                                    "id": .string(force.id), "name": .string(force.name), "kind": .string(force.kind),
                                    "plugins": .array((plugins[force.id] ?? []).map { .string("\($0.name) \($0.version)") }),
                                ])
                            }),
                    ])))
            return
        }
        let width = register.forces.map(\.id.count).max() ?? 0
        var lines = register.forces.map { force in
            let layered = plugins[force.id].map { $0.map { "\($0.name) \($0.version)" }.joined(separator: ", ") } ?? "national procedure"
            return force.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(force.name)  (\(layered))"
        }
        lines.append("\(register.forces.count) forces, register \(register.version) (\(ForceRegister.path))")
        print(lines.joined(separator: "\n"))
    }
}

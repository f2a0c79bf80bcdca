import ArgumentParser
import Foundation
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

            A force whose scripts fail to load is still listed, marked "not loaded" with the error and its file:line; the other forces are listed as usual. Each such force is then reported on standard error, and the command exits 3 (script error) at the end.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "List every force in the register, with its name and the plugins it gets.")
    var all = false

    func run() throws {
        var broken: [ForceProcedure] = []
        try reporting(json: global.json) { () throws(WorkflowError) in
            let configuration = try global.configuration()
            let forces = try ScriptsReview.forces(configuration)
            broken = forces.filter { $0.failure != nil }
            if all {
                try printRegister(try ForceRegister.load(configuration), forces: Dictionary(forces.map { ($0.force, $0) }, uniquingKeysWith: { a, _ in a }))
            } else {
                printPlugins(forces)
            }
        }
        // Every force is listed first; each one whose scripts fail is then reported, and the
        // command fails at the end as a script error. Standard output goes first even into a
        // pipe, so a merged log reads the listing and then the reports, not a report ahead of it.
        fflush(nil)
        for force in broken {
            if let failure = force.failure { _ = Failure.note(failure, about: "force \(force.force) not loaded", json: global.json) }
        }
        if !broken.isEmpty { throw ExitCode(ExitStatus.scriptError) }
    }

    private func printPlugins(_ forces: [ForceProcedure]) {
        var rows: [Value] = []
        var lines: [String] = []
        let width = forces.map(\.force.count).max() ?? 0
        for force in forces {
            var row: [String: Value] = [
                "force": .string(force.force), "procedure": force.hash.map(Value.string) ?? .null,
                "plugins": .array(
                    force.plugins.map { .object(["name": .string($0.name), "version": .string($0.version), "source": .string($0.location.description)]) }),
            ]
            let listed: String
            if let failure = force.failure {
                row["error"] = .string(failure.message)
                listed = "not loaded: \(failure.message)"
            } else {
                listed = force.plugins.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
            }
            rows.append(.object(row))
            lines.append(force.force.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + listed)
        }
        if global.json {
            print(Rendering.json(.object(["forces": .array(rows)])))
        } else {
            lines.append("Any other force in the register ('safeguard forces --all') runs the national procedure alone.")
            print(lines.joined(separator: "\n"))
        }
    }

    private func printRegister(_ register: ForceRegister, forces: [String: ForceProcedure]) throws(WorkflowError) {
        func layered(_ id: String) -> String? {
            guard let force = forces[id] else { return nil }
            if let failure = force.failure { return "not loaded: \(failure.message)" }
            return force.plugins.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
        }
        if global.json {
            print(
                Rendering.json(
                    .object([
                        "version": .string(register.version),
                        "forces": .array(
                            register.forces.map { force in
                                var row: [String: Value] = [
                                    "id": .string(force.id), "name": .string(force.name), "kind": .string(force.kind),
                                    "plugins": .array((forces[force.id]?.plugins ?? []).map { .string("\($0.name) \($0.version)") }),
                                ]
                                if let failure = forces[force.id]?.failure { row["error"] = .string(failure.message) }
                                return .object(row)
                            }),
                    ])))
            return
        }
        let width = register.forces.map(\.id.count).max() ?? 0
        var lines = register.forces.map { force in
            force.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(force.name)  (\(layered(force.id) ?? "national procedure"))"
        }
        lines.append("\(register.forces.count) forces, register \(register.version) (\(ForceRegister.path))")
        print(lines.joined(separator: "\n"))
    }
}

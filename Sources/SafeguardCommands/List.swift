import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard list`: cases, optionally by state or force.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, optionally only those in a state or of a force.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only cases in this state, e.g. order_in_force.")
    var state: String?

    @Option(help: "Only cases of this force, e.g. essex.", completion: Completions.forces())
    var force: String?

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let cases = try Casework(try global.configuration(), access: .readOnly).list(state: state, force: force)
            if global.json {
                let rows: [Value] = cases.map { snapshot in
                    .object([
                        "id": .string(snapshot.id), "workflow": .string(snapshot.workflow), "force": .string(snapshot.force),
                        "state": .string(snapshot.state), "version": .integer(snapshot.version),
                        "updated_at": Rendering.instant(snapshot.updatedAt),
                    ])
                }
                print(Rendering.json(.object(["cases": .array(rows)])))
            } else if cases.isEmpty {
                print("no cases")
            } else {
                for snapshot in cases {
                    print("\(snapshot.id)  \(snapshot.state)  \(snapshot.workflow)  \(snapshot.force)  updated \(Instant.format(snapshot.updatedAt))")
                }
            }
        }
    }
}

import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard staff list`: the register as it stands.
struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a force's staff register (or every force's) as it now stands.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this force.")
    var force: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let entries = try Casework(try global.configuration(), access: .readOnly).staffRegister().entries(force: force)
            if global.json {
                print(Rendering.json(.array(entries.map(StaffText.json))))
            } else {
                for change in entries { print(StaffText.row(change)) }
            }
        }
    }
}

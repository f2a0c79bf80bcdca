import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard staff add`: one person onto the register.
struct StaffAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person to a force's staff register.",
        discussion: """
            Example:
              safeguard staff add --force essex --id SUP77 --name "S. Patel" --role superintendent \\
                --from 2020-01-01T00:00:00Z --reason "HR starter 2020-01"
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: StaffTarget

    @Option(help: ArgumentHelp("Their collar or staff number.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Their display name.", valueName: "name"))
    var name: String

    @Option(name: .customLong("role"), help: ArgumentHelp("A rank or staff role they hold; repeat for each.", valueName: "role"))
    var roles: [String] = []

    @Option(help: ArgumentHelp("From when the entry is valid (ISO 8601; default now).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("When the entry ends (ISO 8601; default open-ended).", valueName: "time"))
    var until: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let change = Casework.StaffChange(
                id: id, name: name, roles: roles, validFrom: try TimeOption.optional(from, "--from"),
                validUntil: try TimeOption.optional(until, "--until"), reason: target.reason)
            let written = try Casework(try global.configuration()).addStaff(force: target.force, [change])
            for change in written { print(StaffText.change(change)) }
        }
    }
}

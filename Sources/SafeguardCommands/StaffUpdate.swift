import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard staff update`: a new version of a person's entry.
struct StaffUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a person's name, ranks and roles, or dates, from a time on.",
        discussion: """
            Events before --effective keep the entry as it was. A change that grants (a role added, dates begun earlier or ended later) takes effect when it is recorded: --effective earlier than now is refused for it, and allowed only for a change that takes away. Taking the administrator role from, or retiring, the force's last administrator with no end date is refused. Example (a promotion):
              safeguard staff update --force essex --id INS42 --role superintendent \\
                --effective 2027-04-01T00:00:00+01:00 --reason "promoted"
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: StaffTarget

    @Option(help: ArgumentHelp("Their collar or staff number.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("A new display name.", valueName: "name"))
    var name: String?

    @Option(name: .customLong("role"), help: ArgumentHelp("The ranks and roles they now hold (all of them); repeat for each.", valueName: "role"))
    var roles: [String] = []

    @Option(help: ArgumentHelp("A new end of the entry (ISO 8601).", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("From when the change applies to events (ISO 8601; default now).", valueName: "time"))
    var effective: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let change = Casework.StaffChange(
                id: id, name: name, roles: roles.isEmpty ? nil : roles, validUntil: try TimeOption.optional(until, "--until"),
                effective: try TimeOption.optional(effective, "--effective"), reason: target.reason)
            print(StaffText.change(try Casework(try global.configuration()).updateStaff(force: target.force, change)))
        }
    }
}

import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard staff retire`: ends a person's entry.
struct StaffRetire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "End a person's register entry: from --at on (default now) they can no longer act.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: StaffTarget

    @Option(help: ArgumentHelp("Their collar or staff number.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("When the entry ends (ISO 8601; default now).", valueName: "time"))
    var at: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let change = Casework.StaffChange(id: id, validUntil: try TimeOption.optional(at, "--at"), reason: target.reason)
            print(StaffText.change(try Casework(try global.configuration()).updateStaff(force: target.force, change, retire: true)))
        }
    }
}

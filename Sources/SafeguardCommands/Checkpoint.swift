import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard checkpoint`: the record's head, for a force to keep outside the database.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the record's head (events, register changes and the last hash of each) with its MAC, to keep outside the database.",
        discussion: """
            Keep the line somewhere the database's users cannot change (another system, a signed email, a printed log). Later, 'safeguard verify --checkpoint LINE|FILE' proves that nothing recorded before it was changed or removed, even if the database was rolled back whole (a deleted WAL file, a restored copy).
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting { () throws(WorkflowError) in
            print(try Casework(try global.configuration(), access: .readOnly).checkpoint().text)
        }
    }
}

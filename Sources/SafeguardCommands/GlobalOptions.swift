import ArgumentParser
import Foundation
import WorkflowCore

/// Flags every command takes: where the database and the scripts are, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (env SAFEGUARD_DB).", valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder holding Workflows/ and Plugins/ (env SAFEGUARD_SCRIPTS; default: the scripts shipped with safeguard).",
            valueName: "dir"))
    var scripts: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["SAFEGUARD_DB"] ?? "./safeguard.sqlite"
    }

    func scriptFolder() throws(WorkflowError) -> URL {
        try ScriptLocator.locate(explicit: scripts ?? ProcessInfo.processInfo.environment["SAFEGUARD_SCRIPTS"])
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// Flags every command takes: where the database and the scripts are, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (env SAFEGUARD_DB): an SQLite file path or sqlite:PATH; :memory: for one that lives only as long as the command; postgres://user@host:port/database for a PostgreSQL database shared by many processes.", valueName: "path|url"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder holding Workflows/ and Plugins/ (env SAFEGUARD_SCRIPTS; default: the scripts shipped with safeguard).",
            valueName: "dir"))
    var scripts: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(
        name: .customLong("lua-instructions"),
        help: ArgumentHelp("Lua instructions one hook call may run (env SAFEGUARD_LUA_INSTRUCTIONS, default 1000000).", valueName: "n"))
    var luaInstructions: Int?

    @Option(
        name: .customLong("lua-memory-mb"),
        help: ArgumentHelp("MiB of memory the scripts' interpreter may hold (env SAFEGUARD_LUA_MEMORY_MB, default 64).", valueName: "mib"))
    var luaMemoryMB: Int?

    /// The application layer's configuration: flags, then the environment, then the defaults.
    func configuration() throws(WorkflowError) -> Configuration {
        try Configuration(db: db, scripts: scripts, luaInstructions: luaInstructions, luaMemoryMB: luaMemoryMB)
    }
}

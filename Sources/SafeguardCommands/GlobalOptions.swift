import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// Flags every command takes: where the database and the scripts are, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store (env SAFEGUARD_DB): an SQLite file path or sqlite:PATH; :memory: for one that lives only as long as the command; postgres://user@host:port/database for a PostgreSQL database shared by many processes.",
            valueName: "path|url"))
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

    @Option(
        name: .customLong("busy-timeout"),
        help: ArgumentHelp(
            "Seconds a write waits for another process's write lock before exiting 4 (env SAFEGUARD_BUSY_TIMEOUT, default 5).",
            valueName: "seconds"))
    var busyTimeout: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "full: every commit is on disk before the command returns (the default, env SAFEGUARD_DURABILITY); normal: faster bulk loads that a power cut may roll back by the last commits.",
            valueName: "full|normal"))
    var durability: String?

    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp(
            "A file readable by its owner only holding your personal token (env SAFEGUARD_TOKEN_FILE, or the token itself in SAFEGUARD_TOKEN).",
            valueName: "path"))
    var tokenFile: String?

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The record's key file, kept outside the database and readable by its owner only (env SAFEGUARD_KEY_FILE; default the database's path with .key added, created on first write).",
            valueName: "path"))
    var keyFile: String?

    /// The application layer's configuration: flags, then the environment, then the defaults.
    func configuration() throws(WorkflowError) -> Configuration {
        try Configuration(
            db: db, scripts: scripts, luaInstructions: luaInstructions, luaMemoryMB: luaMemoryMB, busyTimeout: busyTimeout,
            durability: durability, tokenFile: tokenFile, keyFile: keyFile)
    }
}

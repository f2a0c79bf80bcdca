import ArgumentParser
import Foundation
import WorkflowCore
import WorkflowLua

/// Flags every command takes: where the database and the scripts are, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (env SAFEGUARD_DB); :memory: for one that lives only as long as the command.", valueName: "path"))
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

    /// The sandbox's budgets: flags, then the environment, then the defaults.
    func sandboxLimits() throws(WorkflowError) -> SandboxLimits {
        let environment = ProcessInfo.processInfo.environment
        func setting(_ flag: Int?, _ variable: String, _ fallback: Int) throws(WorkflowError) -> Int {
            if let flag { return flag }
            guard let text = environment[variable] else { return fallback }
            guard let value = Int(text), value > 0 else {
                throw .badInput("\(variable) is \"\(text)\"; expected a whole number above 0")
            }
            return value
        }
        let instructions = try setting(luaInstructions, "SAFEGUARD_LUA_INSTRUCTIONS", SandboxLimits.standard.instructionsPerCall)
        let megabytes = try setting(luaMemoryMB, "SAFEGUARD_LUA_MEMORY_MB", SandboxLimits.standard.memoryBytes >> 20)
        guard instructions > 0, megabytes > 0 else { throw .badInput("--lua-instructions and --lua-memory-mb must be above 0") }
        return SandboxLimits(instructionsPerCall: instructions, memoryBytes: megabytes << 20)
    }

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["SAFEGUARD_DB"] ?? "./safeguard.sqlite"
    }

    func scriptFolder() throws(WorkflowError) -> URL {
        try ScriptLocator.locate(explicit: scripts ?? ProcessInfo.processInfo.environment["SAFEGUARD_SCRIPTS"])
    }
}

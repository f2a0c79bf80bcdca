import ArgumentParser
import WorkflowCore

/// The root command: flat verbs, each with `--json`.
public struct Safeguard: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "safeguard",
        abstract: "Case workflow engine for domestic abuse protection notices and orders (DVPN/DVPO).",
        discussion: """
            Each case runs through a procedure written in Lua (Workflows/, Plugins/) and is recorded in SQLite: every event is appended to the case's history with the case's new state, in one transaction. Times are ISO 8601 with an offset; they are stored in UTC and shown in Europe/London.

            Global options, before or after the subcommand: --db PATH (a file, sqlite:PATH or :memory:; env SAFEGUARD_DB, default ./safeguard.sqlite), --scripts DIR (env SAFEGUARD_SCRIPTS, default the shipped scripts), --json, --busy-timeout SECONDS (env SAFEGUARD_BUSY_TIMEOUT, default 5), --durability full|normal (env SAFEGUARD_DURABILITY, default full: each commit on disk before the command returns), and the sandbox's budgets --lua-instructions N (env SAFEGUARD_LUA_INSTRUCTIONS, default 1000000 per hook call) and --lua-memory-mb M (env SAFEGUARD_LUA_MEMORY_MB, default 64).

            \(ExitStatus.help)
            """,
        version: EngineVersion.current,
        subcommands: [Open.self, Fire.self, Apply.self, Show.self, History.self, List.self, DeadlineCommand.self, Due.self, Tick.self, Recompute.self, Migrate.self, VoidCommand.self, ProcedureCommand.self, Forces.self, Regimes.self, Graph.self, Check.self, TestCommand.self, Verify.self, Report.self, Export.self, Generate.self, Serve.self]
    )

    public init() {}
}

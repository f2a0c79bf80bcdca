import ArgumentParser
import WorkflowCore

/// The root command: flat verbs, each with `--json`.
public struct Safeguard: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "safeguard",
        abstract: "Case workflow engine for domestic abuse protection notices and orders (DVPN/DVPO).",
        discussion: """
            Each case runs through a procedure written in Lua (Workflows/, Plugins/) and is recorded in a store (an SQLite file, or PostgreSQL shared by many processes): every event is appended to the case's history with the case's new state, in one transaction. Times are ISO 8601 with an offset; they are stored in UTC and shown in Europe/London.

            Global options, before or after the subcommand: --db PATH|URL (a file, sqlite:PATH, :memory:, or postgres://user@host:port/database for PostgreSQL; env SAFEGUARD_DB, default ./safeguard.sqlite), --scripts DIR (env SAFEGUARD_SCRIPTS, default the shipped scripts), --json, --busy-timeout SECONDS (env SAFEGUARD_BUSY_TIMEOUT, default 5), --durability full|normal (env SAFEGUARD_DURABILITY, default full: each commit on disk before the command returns), and the sandbox's budgets --lua-instructions N (env SAFEGUARD_LUA_INSTRUCTIONS, default 1000000 per hook call) and --lua-memory-mb M (env SAFEGUARD_LUA_MEMORY_MB, default 64).

            Who may act: once a store keeps a staff register ('safeguard init', 'safeguard staff'), every transition is made by the holder of the personal token given in SAFEGUARD_TOKEN or --token-file PATH (env SAFEGUARD_TOKEN_FILE), in a role the register gave them at the event's time. The record is keyed with the key file --key-file (env SAFEGUARD_KEY_FILE, default the database's path with .key added); 'safeguard checkpoint' prints its head to keep elsewhere.

            \(ExitStatus.help)
            """,
        version: EngineVersion.current,
        subcommands: [
            Open.self, Fire.self, Apply.self, Show.self, History.self, List.self, DeadlineCommand.self, Due.self, Tick.self, Recompute.self, Migrate.self,
            VoidCommand.self, ProcedureCommand.self, Forces.self, Regimes.self, Graph.self, Check.self, TestCommand.self, Verify.self, CheckpointCommand.self,
            Init.self, Staff.self, KeyCommand.self, Report.self, Export.self, Generate.self, Copy.self,
        ]
    )

    public init() {}
}

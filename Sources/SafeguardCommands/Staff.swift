import ArgumentParser

/// `safeguard staff`: the force's staff register, changed by its administrators only.
struct Staff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage a force's staff register: who may act, in which ranks and roles, between which dates.",
        discussion: """
            Every change is recorded in the register's hash-chained log with the administrator who made it (the holder of the token the command runs with) and the reason. Ranks and roles apply to events from the entry's --from (or an update's --effective) on; an event is decided with the entry as it stood at the event's time.
            """,
        subcommands: [StaffAdd.self, StaffUpdate.self, StaffRetire.self, StaffToken.self, StaffImportCommand.self, StaffList.self])
}

/// Who a register change is about, and where.
struct StaffTarget: ParsableArguments {
    @Option(help: "The force whose register is changed.")
    var force: String

    @Option(help: "Why the register is changed (recorded with the change).")
    var reason: String
}

import ArgumentParser

/// `safeguard key`: the record's key, kept outside the database.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Manage the key that authenticates the record (HMAC-SHA-256, kept in the key file outside the database).",
        subcommands: [KeyRotate.self])
}

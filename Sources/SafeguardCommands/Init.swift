import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard init`: starts a force's staff register with its first administrator.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a force's staff register with its first administrator, and print their token.",
        discussion: """
            From then on every transition in the store needs the personal token of whoever makes it (SAFEGUARD_TOKEN, or --token-file PATH readable by its owner only), and the rank used is the one the register gives that person at the event's time. The token is printed once and stored only as its hash.

            Example:
              safeguard init --force essex --admin ADM1 --name "A. Admin" --from 2020-01-01T00:00:00Z --token-out adm1.token
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The force whose register this is.")
    var force: String

    @Option(help: ArgumentHelp("The first administrator's staff number.", valueName: "id"))
    var admin: String

    @Option(help: ArgumentHelp("The administrator's display name.", valueName: "name"))
    var name: String

    @Option(name: .customLong("role"), help: ArgumentHelp("A rank or staff role they hold besides administrator; repeat for each.", valueName: "role"))
    var roles: [String] = []

    @Option(help: ArgumentHelp("From when the entry is valid (ISO 8601; default now).", valueName: "time"))
    var from: String?

    @Option(help: "Why the register is started.")
    var reason = "staff register started"

    @Option(
        name: .customLong("token-out"),
        help: ArgumentHelp("Write the token to this new file, readable by its owner only, instead of printing it.", valueName: "path"))
    var tokenOut: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration())
            let request = Casework.StaffChange(id: admin, name: name, roles: roles, validFrom: try TimeOption.optional(from, "--from"), reason: reason)
            let change: RegisterChange
            var token: String?
            if let tokenOut {
                change = try Credential.save(to: tokenOut) { () throws(WorkflowError) in try casework.initialise(force: force, administrator: request) }
            } else {
                (change, token) = try casework.initialise(force: force, administrator: request)
            }
            let whereTo = tokenOut.map { "is in \($0) (readable by its owner only)" } ?? "follows (keep it: it is shown once)"
            FileHandle.standardError.write(Data("safeguard: register of \(change.force) started; \(change.entry.id)'s token \(whereTo)\n".utf8))
            if let token { print(token) }
        }
    }
}

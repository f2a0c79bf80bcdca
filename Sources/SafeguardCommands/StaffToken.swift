import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard staff token`: a person's new personal token.
struct StaffToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue a person a new personal token (it replaces their earlier ones) and print it, once.",
        discussion: """
            The token is stored only as its SHA-256. Give it to the person to keep in a file readable by them only (chmod 600), passed with --token-file, or in SAFEGUARD_TOKEN. Example:
              safeguard staff token SUP77 --force essex --reason "new starter" --token-out sup77.token
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: StaffTarget

    @Argument(help: "Their collar or staff number.")
    var id: String

    @Option(
        name: .customLong("token-out"),
        help: ArgumentHelp("Write the token to this new file, readable by its owner only, instead of printing it.", valueName: "path"))
    var tokenOut: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration())
            let change: RegisterChange
            var token: String?
            if let tokenOut {
                change = try Credential.save(to: tokenOut) { () throws(WorkflowError) in
                    try casework.issueToken(force: target.force, id: id, reason: target.reason)
                }
            } else {
                (change, token) = try casework.issueToken(force: target.force, id: id, reason: target.reason)
            }
            let whereTo = tokenOut.map { "written to \($0) (readable by its owner only)" } ?? "it is shown once"
            FileHandle.standardError.write(Data("safeguard: token issued to \(change.entry.id) (\(change.version)); \(whereTo)\n".utf8))
            if let token { print(token) }
            if let warning = StaffText.tokenWarning(change.entry, now: casework.configuration.clock()) {
                FileHandle.standardError.write(Data("safeguard: warning: \(warning)\n".utf8))
            }
        }
    }
}

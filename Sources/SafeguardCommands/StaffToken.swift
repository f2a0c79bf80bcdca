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
              (umask 077; safeguard staff token SUP77 --force essex --reason "new starter" > sup77.token)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: StaffTarget

    @Argument(help: "Their collar or staff number.")
    var id: String

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let (change, token) = try Casework(try global.configuration()).issueToken(force: target.force, id: id, reason: target.reason)
            FileHandle.standardError.write(Data("safeguard: token issued to \(change.entry.id) (\(change.version)); it is shown once\n".utf8))
            print(token)
        }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard key rotate`: a new key for the record, the rotation recorded in the register's log.
struct KeyRotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Make a new key for the record, keeping the earlier ones, and record the rotation.",
        discussion: """
            Needs an administrator's token (SAFEGUARD_TOKEN or --token-file): the key signs the whole store, so an administrator of any force whose register the store keeps may rotate it, and the rotation is recorded in that administrator's force's register log. The new key is added as the last line of the key file (--key-file, SAFEGUARD_KEY_FILE, default the database's path with .key added); earlier keys stay there to check what they signed. The rotation is recorded in the staff register's chained log with who rotated it, why and the new key's id (never the key), MAC'd under the key it replaces. From then on 'safeguard verify' expects each row under the key that was current when it was written, and names a row MAC'd under another. Rotate while no other process writes to the store: a process that read the key file before the rotation would sign under the old key. Example:
              safeguard key rotate --reason "annual rotation"
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Why the key is rotated (recorded with the rotation).")
    var reason: String

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let rotation = try Casework(try global.configuration()).rotateKey(reason: reason)
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "previous_key": .string(rotation.previousKey), "key": .string(rotation.newKey), "key_file": .string(rotation.keyFile),
                            "change": .string(rotation.change.version), "by": .string(rotation.change.by),
                        ])))
            } else {
                print(
                    "key \(rotation.newKey) is current from \(Instant.format(rotation.change.recordedAt)) (\(rotation.change.version), by \(rotation.change.by)); key \(rotation.previousKey) kept in \(rotation.keyFile) to check what it signed"
                )
            }
        }
    }
}

import Foundation
import SafeguardService

/// The warning each write to a store without a staff register ends with, on standard error:
/// one line of text, or under `--json` one JSON object. It names no person.
enum ClaimedIdentities {
    static func warnIfClaimed(_ casework: Casework, json: Bool) {
        guard casework.claimedIdentities else { return }
        let message = Casework.claimedIdentitiesWarning
        let line = json ? Rendering.json(.object(["kind": .string("warning"), "message": .string(message)])) : "safeguard: warning: \(message)"
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}

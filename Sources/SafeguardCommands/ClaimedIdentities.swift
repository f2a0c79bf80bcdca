import Foundation
import SafeguardService

/// The warnings a write ends with, on standard error (a database others may read; a store without
/// a staff register):
/// one line of text, or under `--json` one JSON object. It names no person.
enum ClaimedIdentities {
    static func warnIfClaimed(_ casework: Casework, json: Bool) {
        if let message = KeyFile.databaseModeWarning(casework.configuration.storeURL) { warn(message, json: json) }
        guard casework.claimedIdentities else { return }
        warn(Casework.claimedIdentitiesWarning, json: json)
    }

    /// One warning line on standard error.
    static func warn(_ message: String, json: Bool) {
        let line = json ? Rendering.json(.object(["kind": .string("warning"), "message": .string(message)])) : "safeguard: warning: \(message)"
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}

import Foundation
import Ledger
import WorkflowCore

extension KeyFile {
    /// Rewrites the key file at `path` whole with `text`, readable by its owner only: written under
    /// a private name, synced, then renamed into place, so a reader never sees half a file.
    static func replace(_ path: String, with text: String) throws(WorkflowError) {
        let staging = path + ".\(getpid()).\(UUID().uuidString).new"
        let descriptor = open(staging, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .storage("could not write the key file \(path); expected a writable folder") }
        let bytes = Array(text.utf8)
        let written = write(descriptor, bytes, bytes.count)
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0, rename(staging, path) == 0 else {
            unlink(staging)
            throw .storage("could not write the key file \(path); expected a writable folder")
        }
    }

    /// Adds `key` as the key file's new current key (its last line), keeping every earlier key to
    /// check what it signed; returns the file's text before, to put back if the rotation is not recorded.
    static func append(_ key: ChainKey, to path: String) throws(WorkflowError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .storage("could not read the key file \(path); expected a file readable by its owner")
        }
        let before = String(decoding: data, as: UTF8.self)
        let separator = before.isEmpty || before.hasSuffix("\n") ? "" : "\n"
        try replace(path, with: before + separator + key.hex + "\n")
        return before
    }
}

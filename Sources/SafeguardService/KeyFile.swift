import Foundation
import Ledger
import Storage
import Stores
import WorkflowCore

/// The file the record's keys live in, outside the database: one key a line (64 hex digits), the
/// last the current one, earlier lines kept after a rotation to check what they signed. Its path
/// is `SAFEGUARD_KEY_FILE` or `--key-file`, by default the database's path with `.key` added; it
/// is created readable by its owner only on the first write, and refused when others may read it.
/// Lines starting with `#` are notes, such as `registerMarker`.
public enum KeyFile {
    /// Where the keys of the store at `storeURL` live; nil for a store in memory (its key lives as
    /// long as it) and for PostgreSQL, which has no file to sit beside: a shared database's record
    /// is keyed only when `--key-file` names the file every process reads.
    public static func path(explicit: String?, storeURL: String) throws(WorkflowError) -> String? {
        if let explicit { return explicit }
        switch try StoreLocation(storeURL) {
        case .memory, .postgres: return nil
        case .sqlite(let path): return path + ".key"
        }
    }

    /// Whether a store with no key file gets a key made up for this process alone: only a store in
    /// memory, which no other process can read. (A made-up key for a shared database would sign
    /// what no other process could check.)
    public static func makesEphemeralKey(storeURL: String) throws(WorkflowError) -> Bool {
        try StoreLocation(storeURL) == .memory
    }

    /// Whether the store at `storeURL` is an SQLite file that already holds data (a new or empty
    /// file does not; nor does a store in memory or on PostgreSQL, whose key file is named explicitly).
    public static func databaseHoldsData(_ storeURL: String) throws(WorkflowError) -> Bool {
        guard case .sqlite(let path) = try StoreLocation(storeURL),
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
        else { return false }
        return size.intValue > 0
    }

    /// A warning when the store at `storeURL` is an SQLite file group or others may read: it holds
    /// personal data (nil when it is private, or not a file).
    public static func databaseModeWarning(_ storeURL: String) -> String? {
        guard case .sqlite(let path)? = try? StoreLocation(storeURL),
            let mode = ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue,
            mode & 0o077 != 0
        else { return nil }
        return "the database \(path) is readable by others (mode \(String(mode & 0o777, radix: 8))); expected a file readable by its owner only (chmod 600), as it holds personal data"
    }

    /// The keys at `path`, creating the file with a new key when `create` and it is missing;
    /// nil when it is missing and not to be created.
    /// - Throws: `badInput` when the file is readable by others or holds something that is not a key.
    public static func load(_ path: String?, create: Bool) throws(WorkflowError) -> ChainKeys? {
        guard let path else { return create ? ChainKeys(current: .generate()) : nil }
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { return nil }
            let key = ChainKey.generate()
            // Written whole under a private name, then linked into place: another process creating
            // it at the same moment never reads a file that is not yet written.
            let staging = path + ".\(getpid()).\(UUID().uuidString).new"
            let descriptor = open(staging, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { throw .storage("could not create the key file \(path); expected a writable folder") }
            let line = Array((key.hex + "\n").utf8)
            let written = write(descriptor, line, line.count)
            let synced = fsync(descriptor)
            close(descriptor)
            defer { unlink(staging) }
            guard written == line.count, synced == 0 else { throw .storage("could not write the key file \(path); expected a writable folder") }
            if link(staging, path) == 0 { return ChainKeys(current: key) }
            // Another process created it first: read theirs.
            guard errno == EEXIST else { throw .storage("could not create the key file \(path); expected a writable folder") }
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, let data = FileManager.default.contents(atPath: path)
        else { throw .storage("could not read the key file \(path); expected a file readable by its owner") }
        guard mode & 0o077 == 0 else {
            throw .badInput(
                "the key file \(path) is readable by others (mode \(String(mode & 0o777, radix: 8))); expected a file readable by its owner only (chmod 600)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var keys: [ChainKey] = []
        for (number, line) in lines.enumerated() {
            guard let key = ChainKey(hex: line) else {
                throw .badInput("line \(number + 1) of the key file \(path) is not a key; expected 64 hex digits a line")
            }
            keys.append(key)
        }
        guard let current = keys.last else { throw .badInput("the key file \(path) holds no key; expected 64 hex digits a line") }
        return ChainKeys(current: current, earlier: keys.dropLast().reversed())
    }

    /// The line `init` adds to the key file: from then on a database with no staff register is
    /// one whose register was deleted, not a trial store.
    public static let registerMarker = "# this store keeps a staff register"

    /// Whether the key file at `path` says the store keeps a staff register.
    public static func marksRegister(_ path: String?) -> Bool {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).contains { $0 == Substring(registerMarker) }
    }

    /// Adds the register marker to the key file, once.
    public static func markRegister(_ path: String?) throws(WorkflowError) {
        guard let path, !marksRegister(path) else { return }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw .storage("could not write the key file \(path)") }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((registerMarker + "\n").utf8))
        } catch {
            throw .storage("could not write the key file \(path)")
        }
    }
}

import Foundation
internal import GRDB
#if canImport(Glibc)
import Glibc
#endif
import WorkflowCore

/// Opens the database file: created readable and writable by its owner only, in WAL mode,
/// waiting a few seconds for another writer rather than failing at once.
enum DatabaseFile {
    static func open(path: String, busyTimeout: TimeInterval = 5) throws(WorkflowError) -> DatabasePool {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            // The -wal and -shm files SQLite makes take the database file's permissions.
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .storage("cannot create the database at \(path); expected a writable folder")
            }
        }
        for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
            try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrate(pool, path: path)
            return pool
        } catch {
            throw StoreError.from(error, doing: "open the database at \(path)")
        }
    }

    /// Migrates under an exclusive lock on `<path>.lock`, so processes opening a new database at
    /// the same moment do not each try to create it.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        #if canImport(Glibc)
        let descriptor = Glibc.open(path + ".lock", O_CREAT | O_RDWR, 0o600)
        #else
        let descriptor = Darwin.open(path + ".lock", O_CREAT | O_RDWR, 0o600)
        #endif
        guard descriptor >= 0 else {
            try StoreSchema.migrator.migrate(pool)
            return
        }
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        try StoreSchema.migrator.migrate(pool)
    }
}

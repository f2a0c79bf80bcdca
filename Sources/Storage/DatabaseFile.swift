import Foundation
internal import GRDB
import WorkflowCore

#if canImport(Glibc)
    import Glibc
#endif

/// Opens the database file. A new file is created in place, readable and writable by its owner
/// only (`O_CREAT|O_EXCL`, mode 0600: never a temporary file renamed over the path, which could
/// replace a database another process has just opened); an existing file's mode is never changed.
/// WAL mode; each commit durable (`synchronous=FULL`) unless the options say otherwise.
enum DatabaseFile {
    static func open(path: String, options: StoreOptions) throws(WorkflowError) -> DatabasePool {
        if options.access == .readWrite {
            try createIfMissing(path)
            guard isWritable(path) else {
                throw .storage("the database at \(path) is read-only; expected write access to record events (commands that only read open it read-only)")
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw .badInput("there is no database at \(path); expected the path of a database that open, fire or apply created")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.readonly = options.access == .readOnly
        let synchronous = options.durability == .full ? "FULL" : "NORMAL"
        do {
            // Before the pool: opening one for writing sets up WAL with a small write of its own.
            if options.access == .readWrite, options.checkIntegrity { try checkIntegrity(path: path, busyTimeout: options.busyTimeout) }
            let pool = try DatabasePool(path: path, configuration: configuration)
            if options.access == .readOnly {
                try pool.read { db in
                    guard try StoreSchema.migrator.hasCompletedMigrations(db) else {
                        throw WorkflowError.storage(
                            "the database at \(path) was written by an older version; expected a write command (fire, apply) to bring it up to date first")
                    }
                }
            } else {
                try migrate(pool, path: path)
                // After GRDB's WAL set-up, which chooses NORMAL; a pool has one writer connection.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = \(synchronous)") }
            }
            return pool
        } catch {
            throw StoreError.from(error, doing: "open the database at \(path)")
        }
    }

    /// Creates an empty file with mode 0600 unless one exists; SQLite makes it a database, and its
    /// -wal and -shm files take its permissions.
    static func createIfMissing(_ path: String) throws(WorkflowError) {
        let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw .storage("cannot create the database at \(path) (\(String(cString: strerror(errno)))); expected a writable folder")
        }
    }

    /// Writable by this process, and not marked read-only by its owner (root may write anything,
    /// so the mode is checked too: a file its owner made read-only stays read-only).
    static func isWritable(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return access(path, W_OK) == 0 && status.st_mode & S_IWUSR != 0
    }

    /// Refuses to write into a file SQLite finds damaged.
    static func checkIntegrity(path: String, busyTimeout: TimeInterval) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let findings = try DatabaseQueue(path: path, configuration: configuration).read { db in
            try String.fetchAll(db, sql: "PRAGMA quick_check")
        }
        guard findings != ["ok"] else { return }
        throw WorkflowError.storage(
            "the database at \(path) fails SQLite's integrity check (\(findings.count) problem\(findings.count == 1 ? "" : "s")); expected an intact file: restore it from a backup before writing"
        )
    }

    /// Migrates under an exclusive lock on `<path>.lock`, so processes opening a new database at
    /// the same moment do not each try to create it.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        let descriptor = Glibc.open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
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

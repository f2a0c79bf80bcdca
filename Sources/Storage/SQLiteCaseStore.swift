import Foundation
internal import GRDB
import Ledger
import WorkflowCore

/// The embedded default store: SQLite through GRDB. One write transaction per transition
/// (`BEGIN IMMEDIATE`, so a second writer waits for the first and then sees its result),
/// an append-only event log, a snapshot per case, and procedures by hash.
///
///     let store = try SQLiteCaseStore(path: "safeguard.sqlite")
///     let store = try SQLiteCaseStore.inMemory()  // lives as long as the value
public final class SQLiteCaseStore: CaseStore, Sendable {
    let writer: any DatabaseWriter
    private let now: @Sendable () -> Date
    private let maxTransactionSeconds: Double
    private let cache = SnapshotCache()
    /// The record's keys, if it is keyed (see `StoreOptions.keys`).
    let keys: ChainKeys?

    init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date = Date.init, keys: ChainKeys? = nil) throws(WorkflowError) {
        self.writer = writer
        self.now = now
        self.keys = keys
        self.maxTransactionSeconds = StoreOptions().maxTransactionSeconds
        do {
            try StoreSchema.migrator.migrate(writer)
        } catch {
            throw StoreError.from(error, doing: "prepare the database")
        }
    }

    /// A database that lives in memory as long as the store does (`--db :memory:`).
    public static func inMemory(now: @escaping @Sendable () -> Date = Date.init, keys: ChainKeys? = nil) throws(WorkflowError) -> SQLiteCaseStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue()
        } catch {
            throw .storage("could not create an in-memory database")
        }
        return try SQLiteCaseStore(writer: queue, now: now, keys: keys)
    }

    /// The database file at `path`, created and migrated if need be (see `DatabaseFile`).
    public init(path: String, options: StoreOptions = StoreOptions(), now: @escaping @Sendable () -> Date = Date.init) throws(WorkflowError) {
        self.writer = try DatabaseFile.open(path: path, options: options)
        self.now = now
        self.maxTransactionSeconds = options.maxTransactionSeconds
        self.keys = options.keys
    }

    public func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? {
        let id = Identifier.normalized(id)
        return try reading("read case \(id)") { db in try Self.snapshot(id, db) }
    }

    public func record(
        caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition
    ) throws(WorkflowError) -> RecordOutcome {
        try withoutActuallyEscaping(decide) { decide throws(WorkflowError) in
            try recordBatch([BatchItem(caseID: caseID, eventID: eventID, decide: decide)])[0].get()
        }
    }

    public func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        var outcomes: [Result<RecordOutcome, WorkflowError>] = []
        do {
            // One write transaction at a time, each held no longer than `maxTransactionSeconds`, so
            // a long batch never keeps other writers waiting past their busy timeout.
            var next = 0
            while next < items.count {
                var written = BatchWrites()
                try writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        written = BatchWrites()
                        // An opening event's row refers to its case's snapshot row, written when
                        // the transaction ends: the reference is checked at commit.
                        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                        let started = DispatchTime.now().uptimeNanoseconds
                        repeat {
                            let item = items[next]
                            // Nothing is written before an item is decided, and its event row is
                            // its one write, so an item refused leaves nothing to roll back.
                            let outcome = try record(item, into: &written, db)
                            if case .failure(let error) = outcome, error.kind == .refused || error.kind == .badInput, let eventID = item.eventID {
                                try Self.rememberRefusal(eventID: eventID, caseID: item.caseID, reason: error.message, at: now(), db)
                            }
                            outcomes.append(outcome)
                            next += 1
                        } while next < items.count
                            && Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 < maxTransactionSeconds
                        try written.finish(db)
                        return .commit
                    }
                }
                for snapshot in written.snapshots.values { cache.put(snapshot) }
            }
        } catch {
            throw StoreError.from(error, doing: "record \(items.count == 1 ? "the event on case \(items[0].caseID)" : "a batch of \(items.count) events")")
        }
        return outcomes
    }

    /// One item inside the caller's transaction: skipped if its event id is recorded, else decided
    /// against the case as it stands (written earlier in this transaction, or stored) and its
    /// event appended; its snapshot waits in `written` for the transaction's end.
    private func record(_ item: BatchItem, into written: inout BatchWrites, _ db: Database) throws -> Result<RecordOutcome, WorkflowError> {
        if let eventID = item.eventID {
            switch try Self.eventIDUse(eventID, db) {
            case .recorded?:
                if let existing = try Self.event(withID: eventID, db) { return .success(.alreadyRecorded(existing)) }
            case .refused?:
                if let reason = try Self.refusal(eventID: eventID, db) { return .failure(.refusedBefore(eventID: eventID, reason: reason)) }
            case nil:
                break
            }
        }
        let current = try written.snapshots[item.caseID] ?? current(item.caseID, db)
        let transition: Transition
        do throws(WorkflowError) {
            transition = try item.decide(current)
        } catch {
            return .failure(error)
        }
        guard transition.snapshot.version == (current?.version ?? 0) + 1 else {
            return .failure(.conflict("case \(item.caseID) changed while the event was decided; expected to retry"))
        }
        let event = RecordedEvent(transition, recordedAt: now())
        try written.append(event, snapshot: transition.snapshot, key: keys?.current, db)
        return .success(.recorded(event, transition.snapshot))
    }

    public func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] {
        let id = Identifier.normalized(id)
        return try reading("read the history of case \(id)") { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM event WHERE case_id = ? ORDER BY sequence")
            let columns = try EventColumns(statement)
            return try Row.fetchAll(statement, arguments: [id]).map { try Self.recordedEvent($0, columns) }
        }
    }

    public func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        try reading("list cases") { db in
            let (conditions, arguments) = Self.filters([("state = ?", state), ("force = ?", force)])
            return try String.fetchAll(db, sql: "SELECT snapshot FROM case_snapshot WHERE \(conditions) ORDER BY id", arguments: arguments)
                .map { text throws(WorkflowError) in try CaseSnapshot(canonicalText: text) }
        }
    }

    public func cases(state: String?, force: String?, after: String?, limit: Int) throws(WorkflowError) -> CasePage {
        let limit = max(limit, 1)
        return try reading("list cases") { db in
            let (conditions, arguments) = Self.filters([("state = ?", state), ("force = ?", force), ("id > ?", after)])
            // The columns as their bytes, so what verify compares is what `WHERE state = ?` compares.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, snapshot, CASE WHEN typeof(state) = 'text' THEN CAST(state AS BLOB) END,
                        CASE WHEN typeof(force) = 'text' THEN CAST(force AS BLOB) END
                    FROM case_snapshot WHERE \(conditions) ORDER BY id LIMIT \(limit)
                    """,
                arguments: arguments)
            let cases = try rows.map { row throws(WorkflowError) in try CaseSnapshot(canonicalText: row[1]) }
            return CasePage(
                cases: cases, next: rows.count < limit ? nil : rows.last?[0], listed: rows.map { ($0.exactText(at: 2), $0.exactText(at: 3)) })
        }
    }

    public func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        try reading("read the deadline index") { db in
            let window = orMissed ? "(due_at < ? OR status = 'missed')" : "due_at < ?"
            let (conditions, arguments) = Self.filters([(window, dueBefore.map(Instant.formatUTC)), ("force = ?", force)])
            return try Row.fetchAll(
                db, sql: "SELECT \(Self.deadlineColumns) FROM deadline_index WHERE \(conditions) ORDER BY due_at, case_id, clock",
                arguments: arguments
            )
            .map(Self.openDeadline)
        }
    }

    public func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) {
        do {
            // IMMEDIATE, like every write here: the lock is taken (waiting up to the busy timeout)
            // before anything is read, so a concurrent writer can never make it fail at once.
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: "INSERT INTO procedure (hash, sources) VALUES (?, ?) ON CONFLICT(hash) DO NOTHING",
                        arguments: [hash, ScriptSource.canonicalText(sources)])
                    return .commit
                }
            }
        } catch {
            throw StoreError.from(error, doing: "store procedure \(hash.prefix(12))")
        }
    }

    /// The scripts stored for a procedure hash, if any.
    public func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]? {
        try reading("read procedure \(hash.prefix(12))") { db in
            try String.fetchOne(db, sql: "SELECT sources FROM procedure WHERE hash = ?", arguments: [hash])
                .map { text throws(WorkflowError) in try ScriptSource.sources(canonicalText: text) }
        }
    }

    /// The case as stored, from the cache when the database's version matches it.
    private func current(_ id: String, _ db: Database) throws -> CaseSnapshot? {
        guard let version = try Self.version(id, db) else { return nil }
        if let cached = cache.get(id, version: version) { return cached }
        let snapshot = try Self.snapshot(id, db)
        if let snapshot { cache.put(snapshot) }
        return snapshot
    }

    /// A WHERE clause of the conditions whose value is given, and their arguments.
    static func filters(_ conditions: [(String, String?)]) -> (String, StatementArguments) {
        let given = conditions.compactMap { condition, value in value.map { (condition, $0) } }
        let clause = given.isEmpty ? "1" : given.map(\.0).joined(separator: " AND ")
        return (clause, StatementArguments(given.map(\.1)))
    }

    private func reading<T>(_ what: String, _ body: (Database) throws -> T) throws(WorkflowError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.from(error, doing: what)
        }
    }
}

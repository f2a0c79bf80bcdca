import Foundation
import Ledger
import PostgresStore
import Storage
import Testing
import WorkflowCore

/// A key rotation recorded in the staff register's log, as every store with more than one handle
/// keeps it: rows are checked under the key current when they were written.
@Suite("The store contract: key rotation")
struct KeyRotationContractTests {
    static let t0 = Instant.parse("2020-01-01T00:00:00Z")!

    /// A clock the test moves on.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: Double = 0
        func now() -> Date { lock.withLock { Date(timeIntervalSince1970: 1_780_000_000 + seconds) } }
        func advance() { lock.withLock { seconds += 60 } }
    }

    /// Kinds whose stores can be opened twice, with different keys.
    static var kinds: [StoreKind] { StoreKind.allCases.filter { $0 == .sqliteFile || $0 == .postgres } }

    /// Two handles on one fresh store: one under `first` keys, one under `second`.
    func handles(_ kind: StoreKind, _ clock: Clock, first: ChainKeys, second: ChainKeys) throws -> (any CaseStore, any CaseStore) {
        let now: @Sendable () -> Date = { clock.now() }
        switch kind {
        case .postgres:
            let url = try TestPostgres.freshDatabase()
            let a = try PostgresCaseStore(url: url, keys: first, now: now)
            try a.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
            return (a, try PostgresCaseStore(url: url, keys: second, now: now))
        default:
            let path = StoreFixtures.temporaryPath()
            var options = StoreOptions()
            options.keys = first
            let a = try StoreFixtures.store(SQLiteCaseStore(path: path, options: options, now: now))
            options.keys = second
            return (a, try SQLiteCaseStore(path: path, options: options, now: now))
        }
    }

    func change(_ sequence: Int, _ kind: RegisterChange.Kind, keyID: String? = nil, at: Date) -> RegisterChange {
        RegisterChange(
            force: "essex", sequence: sequence, kind: kind,
            entry: StaffEntry(id: "ADM1", name: "N", force: "essex", roles: ["administrator"], validFrom: Self.t0), effective: at, by: "ADM1",
            reason: "test", recordedAt: at, keyID: keyID)
    }

    @Test(arguments: kinds)
    func rowsAreCheckedUnderTheKeyCurrentWhenTheyWereWritten(kind: StoreKind) throws {
        let old = ChainKey.generate()
        let new = ChainKey.generate()
        let clock = Clock()
        // Given a store keyed with the old key, and a handle holding the key file after a rotation
        let (before, after) = try handles(kind, clock, first: ChainKeys(current: old), second: ChainKeys(current: new, earlier: [old]))
        func note(_ store: any CaseStore, _ n: Int) throws {
            clock.advance()
            _ = try store.record(caseID: "C1", eventID: nil) { current throws(WorkflowError) in
                try StoreFixtures.engine.transition(current, StoreFixtures.request(n == 1 ? "open" : "note", n: n, second: n))
            }
        }
        _ = try before.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in [change(1, .initialise, at: clock.now())] }
        try note(before, 1)
        // When the rotation is recorded (MAC'd under the key it replaces) and the next event is written under the new key
        clock.advance()
        let rotation = try before.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in
            [change(2, .rotateKey, keyID: new.id, at: clock.now())]
        }
        #expect(rotation[0].mac?.hasPrefix(old.id + ":") == true)
        try note(after, 2)
        // Then verify holds with the key file's keys
        #expect(try after.verifyChain(caseID: nil).problems == [])

        // When someone holding the old key writes on after the rotation (a leaked key, a process not told)
        if kind == .postgres {
            // PostgreSQL records which key its record is under, so the stale writer is refused outright
            #expect(throws: WorkflowError.self) { try note(before, 3) }
            #expect(try after.verifyChain(caseID: nil).problems == [])
            return
        }
        try note(before, 3)
        clock.advance()
        _ = try before.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in [change(3, .update, at: clock.now())] }
        // Then verify names both rows, though each MAC is genuine
        let problems = try after.verifyChain(caseID: nil).problems
        let when = Instant.formatUTC(Date(timeIntervalSince1970: 1_780_000_000 + 4 * 60))
        #expect(
            problems == [
                "case C1, event 3 (note): its MAC is under key \(old.id), but key \(new.id) was current when it was recorded (\(when)); it was written with a key not current then",
                "register of essex, change 3 (update ADM1): its MAC is under key \(old.id), but key \(new.id) was current at its place in the log; it was written with a key not current then",
            ])
        // And a verify given only the old key says the key file is not the one the rotation made current
        #expect(
            try before.verifyChain(caseID: nil).problems.contains(
                "the key file's current key \(old.id) is not the one the last rotation recorded (\(new.id)); expected keys changed only by 'safeguard key rotate'"
            ))
    }

    @Test func withNoRotationRecordedAnyKeyOfTheFileIsAccepted() {
        let timeline = KeyTimeline([])
        #expect(timeline.current(at: Self.t0) == nil)
        #expect(timeline.problem(mac: "abc:00", recordedAt: Self.t0) == nil)
    }
}

import Foundation
import Ledger
import PostgresStore
import Testing
import WorkflowCore

/// Many processes share a PostgreSQL record and each reads the key from its own key file: the
/// database remembers which key its record is under, and a writer without it writes nothing.
@Suite(.enabled(if: TestPostgres.url != nil))
struct PostgresRecordKeyTests {
    let key = ChainKeys(current: .generate())

    /// A fresh database, its URL, and a store on it opened with `keys`.
    func database(keys: ChainKeys?) throws -> (String, PostgresCaseStore) {
        let url = try TestPostgres.freshDatabase()
        let store = try PostgresCaseStore(url: url, keys: keys)
        try store.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
        return (url, store)
    }

    func open(_ id: String, on store: PostgresCaseStore) throws {
        _ = try store.record(caseID: id, eventID: nil) { current throws(WorkflowError) in
            try StoreFixtures.engine.transition(current, StoreFixtures.request("open", case: id, n: 1))
        }
    }

    func registerChange() -> RegisterChange {
        let t0 = Instant.parse("2020-01-01T00:00:00Z")!
        return RegisterChange(
            force: "essex", sequence: 1, kind: .add, entry: StaffEntry(id: "ADM1", name: "N", force: "essex", roles: ["administrator"], validFrom: t0),
            effective: t0, by: "ADM1", reason: "test", recordedAt: t0)
    }

    @Test func aWriterWithoutTheKeyIsRefusedAndWritesNothing() throws {
        // Given a record keyed by its first writer
        let (url, keyed) = try database(keys: key)
        try open("C1", on: keyed)
        // When a process without a key file writes an event or a register change
        let unkeyed = try PostgresCaseStore(url: url)
        let refusal = WorkflowError.badInput(
            "this PostgreSQL record is keyed (key \(key.current.id)) and this process was given no key file; expected --key-file (or SAFEGUARD_KEY_FILE) naming the key file every process writing this database uses"
        )
        #expect(throws: refusal) { try open("C2", on: unkeyed) }
        #expect(throws: refusal) { _ = try unkeyed.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in [registerChange()] } }
        // Then nothing was written, the record verifies under its key, and the process may still read
        #expect(try keyed.snapshot("C2") == nil)
        #expect(try keyed.registerChanges(force: nil).isEmpty)
        #expect(try keyed.verifyChain(caseID: nil) == (1, []))
        #expect(try unkeyed.snapshot("C1")?.version == 1)
        // And verify without the key says where a PostgreSQL database's key is found
        #expect(
            try unkeyed.verifyChain(caseID: nil).problems == [
                "the events carry MACs, but no key was given, so they were not checked; expected --key-file (or SAFEGUARD_KEY_FILE) naming the key file the processes writing this PostgreSQL database use (there is no default beside the database)"
            ])
    }

    @Test func aWriterWithAnotherKeyIsRefused() throws {
        let (url, keyed) = try database(keys: key)
        try open("C1", on: keyed)
        let other = ChainKeys(current: .generate())
        #expect(
            throws: WorkflowError.badInput(
                "this PostgreSQL record is keyed with key \(key.current.id), which the key file given does not hold (its key is \(other.current.id)); expected the key file every process writing this database uses"
            )
        ) { try open("C2", on: try PostgresCaseStore(url: url, keys: other)) }
        #expect(try keyed.verifyChain(caseID: nil) == (1, []))
    }

    @Test func aKeyFileCannotBeAddedToARecordBegunWithoutOne() throws {
        let (url, unkeyed) = try database(keys: nil)
        try open("C1", on: unkeyed)
        #expect(
            throws: WorkflowError.badInput(
                "this PostgreSQL record was begun without a key file, so its rows carry no MAC and a key cannot be added now; expected no --key-file (or SAFEGUARD_KEY_FILE) for this database"
            )
        ) { try open("C2", on: try PostgresCaseStore(url: url, keys: key)) }
        // Unkeyed processes carry on
        try open("C3", on: unkeyed)
        #expect(try unkeyed.verifyChain(caseID: nil) == (2, []))
    }

    @Test func aKeyedRegisterChangeKeysAnEmptyRecord() throws {
        // The first write is a register change ('safeguard init'): it keys the record too
        let (url, keyed) = try database(keys: key)
        _ = try keyed.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in [registerChange()] }
        #expect(throws: WorkflowError.self) { try open("C1", on: try PostgresCaseStore(url: url)) }
        try open("C1", on: keyed)
        #expect(try keyed.verifyChain(caseID: nil) == (1, []))
    }

    @Test func aRotatedKeyFileMovesTheRecordOnAndTheOldOneIsRefused() throws {
        // Given a record keyed with the old key
        let (url, old) = try database(keys: key)
        try open("C1", on: old)
        // When a process whose key file holds a new key after the old one writes
        let rotated = ChainKeys(current: .generate(), earlier: [key.current])
        let current = try PostgresCaseStore(url: url, keys: rotated)
        try open("C2", on: current)
        // Then the record is under the new key: the old key file no longer writes, and both MACs verify
        #expect(throws: WorkflowError.self) { try open("C3", on: old) }
        #expect(try current.verifyChain(caseID: nil) == (2, []))
        #expect(try current.history("C2").count == 1)
    }

    @Test func aRecordKeyedBeforeTheKeyWasRememberedTakesItFromItsMACs() throws {
        // Given a keyed record as the earlier schema left it: no remembered key
        let (url, keyed) = try database(keys: key)
        try open("C1", on: keyed)
        try PostgresTestAccess.execute("ALTER TABLE chain_head DROP COLUMN record_key", on: keyed)
        try PostgresTestAccess.execute("DELETE FROM safeguard_migration WHERE version = 3", on: keyed)
        // When a process opens it (and migrates it), Then a writer without the key is refused
        #expect(throws: WorkflowError.self) { try open("C2", on: try PostgresCaseStore(url: url)) }
        try open("C2", on: try PostgresCaseStore(url: url, keys: key))
        #expect(try keyed.verifyChain(caseID: nil) == (2, []))
    }
}

import Foundation
import Ledger
import PostgresStore
import Storage
import Testing
import WorkflowCore

/// Every store implementation the contract suite runs against. A new backend adds a case here
/// and must pass every contract test unchanged. PostgreSQL runs against the server named by
/// `SAFEGUARD_TEST_POSTGRES` (scripts/test starts one), a fresh database per store; without that
/// variable it is left out locally, and `PostgresServerTests` fails under CI.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqliteInMemory
    case sqliteFile
    case postgres

    static var allCases: [StoreKind] {
        [.memory, .sqliteInMemory, .sqliteFile] + (TestPostgres.url == nil ? [] : [.postgres])
    }

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind, with the fixture's procedure recorded; its clock reads `now`.
    func make(now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }, keys: ChainKeys? = nil) throws -> any CaseStore {
        try twoHandles(now: now, keys: keys).first
    }

    /// Two handles on one fresh store, where the backend has them (two connections to the file or
    /// the database); the same handle twice otherwise. Both hold `keys`.
    func twoHandles(
        now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }, keys: ChainKeys? = nil
    ) throws -> (first: any CaseStore, second: any CaseStore) {
        let first: any CaseStore, second: any CaseStore
        var options = StoreOptions()
        options.keys = keys
        switch self {
        case .memory:
            first = InMemoryCaseStore(now: now, keys: keys)
            second = first
        case .sqliteInMemory:
            first = try SQLiteCaseStore.inMemory(now: now, keys: keys)
            second = first
        case .sqliteFile:
            let path = StoreFixtures.temporaryPath()
            first = try SQLiteCaseStore(path: path, options: options, now: now)
            second = try SQLiteCaseStore(path: path, options: options, now: now)
        case .postgres:
            let url = try TestPostgres.freshDatabase()
            first = try PostgresCaseStore(url: url, keys: keys, now: now)
            second = try PostgresCaseStore(url: url, keys: keys, now: now)
        }
        try first.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
        return (first, second)
    }
}

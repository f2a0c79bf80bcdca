import Foundation
import Ledger
import Testing
import Storage
import WorkflowCore

/// Every store implementation the contract suite runs against. A new backend adds a case here
/// and must pass every contract test unchanged.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqliteInMemory
    case sqliteFile

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind, with the fixture's procedure recorded; its clock reads `now`.
    func make(now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }, keys: ChainKeys? = nil) throws -> any CaseStore {
        let store: any CaseStore
        switch self {
        case .memory: store = InMemoryCaseStore(now: now, keys: keys)
        case .sqliteInMemory: store = try SQLiteCaseStore.inMemory(now: now, keys: keys)
        case .sqliteFile:
            var options = StoreOptions()
            options.keys = keys
            store = try SQLiteCaseStore(path: StoreFixtures.temporaryPath(), options: options, now: now)
        }
        try store.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
        return store
    }

    /// A second handle on the same data, where the backend has one (a second connection to the file).
    func second(of store: any CaseStore, path: String?) throws -> any CaseStore {
        guard self == .sqliteFile, let path else { return store }
        return try SQLiteCaseStore(path: path)
    }
}

import Foundation
import Ledger
import Storage
import WorkflowCore

/// A tiny procedure for store tests: open → active, with a `note` that keeps the state.
enum StoreFixtures {
    static var engine: TransitionEngine {
        TransitionEngine(
            workflow: WorkflowDefinition(
                name: "w",
                states: [StateDefinition(name: "active")],
                events: [
                    EventDefinition(name: "open", origin: .newCase, target: "active", fields: [FieldSpec(name: "n", type: .integer, onCase: true)]),
                    EventDefinition(name: "note", origin: .states(["active"]), target: nil, fields: [FieldSpec(name: "n", type: .integer, onCase: true)]),
                ]),
            procedure: "hash1")
    }

    static func request(_ event: String, case id: String = "C1", n: Int, eventID: String? = nil, second: Int = 0) -> TransitionRequest {
        TransitionRequest(
            caseID: id, event: event, at: Date(timeIntervalSince1970: 1_780_000_000 + Double(second)),
            actor: Actor(id: "PC1", role: "constable"), data: ["n": .integer(n)], eventID: eventID, force: "f")
    }

    /// A store with the fixture's procedure recorded, as `open` does before the first case.
    static func sqliteFile(_ path: String) throws -> SQLiteCaseStore { try store(SQLiteCaseStore(path: path)) }

    static func store(_ store: SQLiteCaseStore) throws -> SQLiteCaseStore {
        try store.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
        return store
    }

    static func temporaryPath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("cases.sqlite").path
    }
}

import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// `migrate` in process: recorded for real, and a storage failure reported as one.
@Suite("Migrating cases onto the current procedure")
struct MigrateTests {
    static let at = Instant.parse("2026-06-02T10:30:00+01:00")!

    /// A case on Essex's procedure, then Essex's order lengths edited in the scripts.
    func essexCaseThenEdit(_ store: FailingStore) throws -> (Casework, ScriptsCopy) {
        let scripts = try ScriptsCopy()
        let casework = Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path), store: store)
        let opened = TransitionRequest(
            caseID: "E1", event: "report_incident", at: Instant.parse("2026-06-01T22:00:00+01:00")!, actor: Actor(id: "PC1", role: "constable"),
            data: ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "essex")
        _ = try casework.open(opened)
        let plugin = scripts.root.appendingPathComponent("Plugins/essex/plugin.lua")
        let text = try String(contentsOf: plugin, encoding: .utf8)
        try scripts.write("Plugins/essex/plugin.lua", text.replacingOccurrences(of: "{ 14, 28 }", with: "{ 14, 21, 28 }"))
        // A fresh Casework reads the edited scripts, as the next command would.
        return (Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path), store: store), scripts)
    }

    @Test func aMigrationIsRecordedWithTheNewProcedureStored() throws {
        let store = try FailingStore()
        let (casework, _) = try essexCaseThenEdit(store)
        let reports = try casework.migrate(caseID: "E1", dryRun: false, reason: "21-day orders", actor: "ADM1", at: Self.at)
        #expect(reports.count == 1 && reports[0].migrated && reports[0].refusal == nil)
        #expect(reports[0].changes == ["~ policy order_lengths: [14,28] → [14,21,28] (Plugins/essex/plugin.lua:16)"])
        #expect(try store.history("E1").last?.event == "migrate_procedure")
        #expect(try casework.snapshot("E1").procedure == reports[0].to)
        #expect(try casework.replay("E1") == [])
    }

    @Test func aStorageFailureStopsTheRunAsAStorageError() throws {
        let store = try FailingStore()
        let (casework, _) = try essexCaseThenEdit(store)
        store.failWrites = true
        #expect(throws: WorkflowError.storage("the database could not be written (disk I/O error); expected a writable database")) {
            try casework.migrate(caseID: "E1", dryRun: false, reason: "21-day orders", actor: "ADM1", at: Self.at)
        }
        store.failWrites = false
        #expect(try store.history("E1").count == 1)
    }
}

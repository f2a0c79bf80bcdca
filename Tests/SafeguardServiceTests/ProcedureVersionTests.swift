import Foundation
import Testing
import WorkflowCore
import WorkflowLua

@testable import SafeguardService

@Suite("A procedure version per workflow")
struct ProcedureVersionTests {
    static let at = Instant.parse("2026-06-01T09:00:00+01:00")!

    static func openDvpo(_ casework: Casework) throws -> CaseSnapshot {
        let request = TransitionRequest(
            caseID: "C1", event: "", at: at, actor: Actor(id: "PC1", role: "constable"),
            data: ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "essex")
        guard case .recorded(_, let snapshot) = try casework.open(request) else { throw CliFailure("the case was not opened") }
        return snapshot
    }

    @Test func editingAnotherWorkflowDoesNotReversionCases() throws {
        // Given a dvpo case opened beside a second workflow
        let scripts = try ScriptsCopy()
        try scripts.write("Workflows/other.lua", ScriptsCopy.otherWorkflow())
        let configuration = Configuration(storeURL: ":memory:", scripts: scripts.root.path)
        let casework = try Casework(configuration)
        let snapshot = try Self.openDvpo(casework)
        let otherBefore = try casework.current("other", force: "essex").hash

        // When the second workflow's script is edited
        try scripts.write("Workflows/other.lua", ScriptsCopy.otherWorkflow(title: "Edited"))
        let reloaded = try ProcedureVersion(try Casework.loadProcedure(configuration, force: "essex"), workflow: "dvpo")
        let otherAfter = try ProcedureVersion(try Casework.loadProcedure(configuration, force: "essex"), workflow: "other")

        // Then the dvpo case is still on its workflow's current procedure; the other's changed
        #expect(reloaded.hash == snapshot.procedure)
        #expect(otherAfter.hash != otherBefore)
        #expect(reloaded.sources.map(\.path).contains("Workflows/dvpo.lua"))
        #expect(!reloaded.sources.map(\.path).contains("Workflows/other.lua"))
        #expect(reloaded.sources.map(\.path).contains("Plugins/essex/plugin.lua"))
    }

    @Test func editingTheCasesOwnWorkflowDoesReversionIt() throws {
        let scripts = try ScriptsCopy()
        let configuration = Configuration(storeURL: ":memory:", scripts: scripts.root.path)
        let snapshot = try Self.openDvpo(try Casework(configuration))
        let text = try String(contentsOf: scripts.root.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        try scripts.write("Workflows/dvpo.lua", text + "\n-- edited\n")
        let reloaded = try ProcedureVersion(try Casework.loadProcedure(configuration, force: "essex"), workflow: "dvpo")
        #expect(reloaded.hash != snapshot.procedure)
    }

    @Test func aScriptsFolderIsKnownByItsLayout() throws {
        // A folder whose only workflow is not dvpo.lua is still a scripts folder.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Workflows"), withIntermediateDirectories: true)
        #expect(throws: WorkflowError.self) { try ScriptLocator.locate(explicit: folder.path) }
        try ScriptsCopy.otherWorkflow().write(to: folder.appendingPathComponent("Workflows/other.lua"), atomically: true, encoding: .utf8)
        #expect(try ScriptLocator.locate(explicit: folder.path).standardizedFileURL.path == folder.standardizedFileURL.path)
    }
}

struct CliFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test func aSqliteURLNamesTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("url-\(UUID().uuidString).sqlite").path
        _ = try Casework(Configuration(storeURL: "sqlite:" + path))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func flagsComeBeforeTheEnvironment() throws {
        let environment = ["SAFEGUARD_DB": "env.sqlite", "SAFEGUARD_SCRIPTS": "/env", "SAFEGUARD_LUA_INSTRUCTIONS": "500"]
        let flagged = try Configuration(db: "flag.sqlite", scripts: nil, luaInstructions: nil, luaMemoryMB: 8, environment: environment)
        #expect(flagged.storeURL == "flag.sqlite")
        #expect(flagged.scripts == "/env")
        #expect(flagged.limits == SandboxLimits(instructionsPerCall: 500, memoryBytes: 8 << 20))
        let defaults = try Configuration(db: nil, scripts: nil, luaInstructions: nil, luaMemoryMB: nil, environment: [:])
        #expect(defaults.storeURL == "./safeguard.sqlite")
        #expect(defaults.limits == .standard)
    }

    @Test func aBadBudgetInTheEnvironmentIsOneLine() {
        #expect(throws: WorkflowError.badInput("SAFEGUARD_LUA_MEMORY_MB is \"lots\"; expected a whole number above 0")) {
            try Configuration(db: nil, scripts: nil, luaInstructions: nil, luaMemoryMB: nil, environment: ["SAFEGUARD_LUA_MEMORY_MB": "lots"])
        }
    }
}

import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 19: a server authenticates a request's token and then writes as its holder; the staff
/// register is checked whole (hashes and MACs) once for the two, and again whenever it changed.
@Suite("The staff register checked once per change")
struct RegisterCheckTests {
    @Test func anAuthenticatedWriteChecksTheRegisterOnceAndAChangedRegisterAgain() throws {
        // Given a register with an administrator and a constable, each with a token
        let scripts = try ScriptsCopy()
        let start = Date()
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path, clock: { start }))
        let (_, adminToken) = try casework.initialise(
            force: "essex", administrator: .init(id: "ADM1", name: "Ann Admin", validFrom: start.addingTimeInterval(-3600), reason: "set up"))
        let constable = try casework.acting(as: adminToken) { () throws(WorkflowError) in
            _ = try casework.addStaff(
                force: "essex", [.init(id: "PC1", name: "Pat Constable", roles: ["constable"], validFrom: start.addingTimeInterval(-3600), reason: "joined")])
            return try casework.issueToken(force: "essex", id: "PC1", reason: "first token").token
        }
        casework.registerChecks = 0

        // When the constable's token is authenticated and a case opened with it, as a server does
        #expect(try casework.holder(ofToken: constable).entry.id == "PC1")
        let request = TransitionRequest(
            caseID: "C1", event: "", at: start.addingTimeInterval(-60), actor: Actor(id: "", role: "constable"),
            data: ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "essex")
        _ = try casework.acting(as: constable) { () throws(WorkflowError) in try casework.open(request) }

        // Then the register was checked once, and the event names the constable's register version
        #expect(casework.registerChecks == 1)
        #expect(try casework.snapshot("C1").version == 1)

        // And once the register changes, the next request checks it again
        _ = try casework.acting(as: adminToken) { () throws(WorkflowError) in
            try casework.addStaff(force: "essex", [.init(id: "PC2", name: "Sam Constable", roles: ["constable"], reason: "joined")])
        }
        let checksAfterChange = casework.registerChecks
        #expect(try casework.holder(ofToken: constable).entry.id == "PC1")
        #expect(casework.registerChecks == checksAfterChange + 1)
    }
}

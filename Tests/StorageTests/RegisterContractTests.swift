import Foundation
import Ledger
import Testing
import WorkflowCore

/// The staff register's log and the keyed record, as every `CaseStore` keeps them (`StoreKind`).
@Suite("The store contract: staff register and keyed record")
struct RegisterContractTests {
    static let t0 = Instant.parse("2020-01-01T00:00:00Z")!

    func change(_ force: String, _ sequence: Int, _ id: String, roles: [String] = ["constable"]) -> RegisterChange {
        RegisterChange(
            force: force, sequence: sequence, kind: .add, entry: StaffEntry(id: id, name: "N", force: force, roles: roles, validFrom: Self.t0),
            effective: Self.t0, by: "ADM1", reason: "test", recordedAt: Self.t0)
    }

    @Test(arguments: StoreKind.allCases)
    func registerChangesAreChainedKeyedAndReadBackByForce(kind: StoreKind) throws {
        // Given a keyed store
        let keys = ChainKeys(current: .generate())
        let store = try kind.make(keys: keys)
        // When two forces' registers are changed
        _ = try store.recordRegisterChanges(force: "essex") { existing throws(WorkflowError) in
            #expect(existing.isEmpty)
            return [change("essex", 1, "ADM1", roles: ["administrator"]), change("essex", 2, "PC1")]
        }
        _ = try store.recordRegisterChanges(force: "kent") { _ throws(WorkflowError) in [change("kent", 1, "K1")] }
        let seen = try store.recordRegisterChanges(force: "essex") { existing throws(WorkflowError) in
            #expect(existing.map(\.entry.id) == ["ADM1", "PC1"])
            return [change("essex", 3, "SUP77", roles: ["superintendent"])]
        }
        // Then each force reads back its own, chained in one log and each with a MAC under the key
        #expect(seen.count == 1 && seen[0].mac?.hasPrefix(keys.current.id + ":") == true)
        #expect(try store.registerChanges(force: "essex").map(\.entry.id) == ["ADM1", "PC1", "SUP77"])
        let all = try store.registerChanges(force: nil)
        #expect(all.map(\.force) == ["essex", "essex", "kent", "essex"])
        #expect(all[1].previousHash == all[0].hash && all[3].previousHash == all[2].hash)
        #expect(all[0].entry.roles == ["administrator"])
        #expect(try store.verifyChain(caseID: nil).problems == [])
        let head = try store.chainHead()
        #expect(head.registerChanges == 4 && head.registerHead == all[3].hash)
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedRegisterChangeWritesNothing(kind: StoreKind) throws {
        let store = try kind.make()
        #expect(throws: WorkflowError.refused("no")) {
            _ = try store.recordRegisterChanges(force: "essex") { _ throws(WorkflowError) in throw .refused("no") }
        }
        #expect(try store.registerChanges(force: nil).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func eventsCarryAMACThatOnlyTheKeyChecks(kind: StoreKind) throws {
        // Given events recorded under one key
        let keys = ChainKeys(current: .generate())
        let store = try kind.make(keys: keys)
        for n in 1...3 {
            _ = try store.record(caseID: "C1", eventID: nil) { current throws(WorkflowError) in
                try StoreFixtures.engine.transition(current, StoreFixtures.request(n == 1 ? "open" : "note", n: n, second: n))
            }
        }
        #expect(try store.verifyChain(caseID: nil).problems == [])
        let head = try store.chainHead()
        #expect(head.events == 3)
        // A checkpoint of three events holds; one that saw a fourth proves events were removed
        #expect(try store.verifyChain(caseID: nil, checkpoint: head).problems == [])
        var later = head
        later.events = 4
        #expect(
            try store.verifyChain(caseID: nil, checkpoint: later).problems
                == ["the log holds 3 events, but the checkpoint saw 4; events recorded before the checkpoint were deleted"])
        var rewritten = head
        rewritten.head = String(repeating: "0", count: 64)
        #expect(
            try store.verifyChain(caseID: nil, checkpoint: rewritten).problems
                == ["event 3 of the log (case C1, event 3) is not the one the checkpoint saw; the log before the checkpoint was rewritten"])
    }

    @Test func aMACMadeWithAnotherKeyOrNoneIsNamed() {
        let keys = ChainKeys(current: .generate())
        let other = ChainKey.generate()
        #expect(keys.problem(mac: keys.current.mac("h"), hash: "h") == nil)
        #expect(keys.problem(mac: keys.current.mac("h"), hash: "g") == "its MAC does not match its hash; it was rewritten behind the engine's back")
        #expect(keys.problem(mac: nil, hash: "h") == "it carries no MAC under the record's key; it was written behind the engine's back")
        #expect(
            keys.problem(mac: other.mac("h"), hash: "h")
                == "its MAC is under key \(other.id), which this verify was not given; expected the key file it was written with")
        // After a rotation the earlier key still checks what it signed
        #expect(ChainKeys(current: other, earlier: [keys.current]).problem(mac: keys.current.mac("h"), hash: "h") == nil)
    }
}

import Foundation
import Ledger
import Testing
import WorkflowCore
import WorkflowLua

/// The hostile corpus (issue 11): what a hostile or careless force administrator might put in a
/// plugin file, each with its exact outcome. Nothing here may make the engine record a transition
/// the statute forbids, crash, hang past its limit, leak one case into another, or make verify
/// disagree with an untouched record.
@Suite("The trust boundary: a hostile corpus")
struct HostileCorpusTests {
    @Test(arguments: HostileCorpus.attacks)
    func eachAttackHasItsExactOutcome(_ attack: HostileAttack) throws {
        let procedure: Procedure
        do throws(WorkflowError) {
            procedure = try HostileAttack.load(attack.files)
        } catch {
            guard case .refusedAtLoad(let message) = attack.outcome else {
                Issue.record("\(attack.name): refused at load: \(error.message)")
                return
            }
            #expect(error.kind == .script)
            #expect(error.message == message, "\(attack.name)")
            return
        }
        if case .refusedAtLoad(let message) = attack.outcome {
            Issue.record("\(attack.name): loaded; expected \(message)")
            return
        }
        let engine = try procedure.engine(for: "dvpo", procedure: "p")
        let store = InMemoryCaseStore()
        for caseID in ["C1", "C2"] {
            for (step, (event, role)) in HostileAttack.steps.enumerated() {
                if case .stepRefused(let refused, let kind, let message) = attack.outcome, refused == step {
                    let before = try store.snapshot(caseID)
                    do throws(WorkflowError) {
                        _ = try store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
                            try engine.transition(current, HostileAttack.request(caseID, event, step: step * 2, role: role))
                        }
                        Issue.record("\(attack.name): \(event) was recorded")
                    } catch {
                        #expect(error.kind == kind, "\(attack.name): \(error.message)")
                        #expect(error.message == message, "\(attack.name)")
                    }
                    #expect(try store.snapshot(caseID) == before, "\(attack.name): the case changed")
                    break
                }
                _ = try store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
                    try engine.transition(current, HostileAttack.request(caseID, event, step: step * 2, role: role))
                }
                guard case .refusedAtRun(let after, let probe, let probeRole, let data, let kind, let message) = attack.outcome,
                    after == step
                else { continue }
                let before = try store.snapshot(caseID)
                let count = try store.history(caseID).count
                do throws(WorkflowError) {
                    _ = try store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
                        try engine.transition(
                            current, HostileAttack.request(caseID, probe, step: step * 2 + 1, role: probeRole, data: data.isEmpty ? nil : data))
                    }
                    Issue.record("\(attack.name): \(probe) was recorded")
                } catch {
                    #expect(error.kind == kind, "\(attack.name): \(error.message)")
                    #expect(error.message == message, "\(attack.name)")
                }
                #expect(try store.snapshot(caseID) == before, "\(attack.name): the case changed")
                #expect(try store.history(caseID).count == count)
            }
        }
        let first = try #require(try store.snapshot("C1"))
        let second = try #require(try store.snapshot("C2"))
        #expect(try store.verifyChain(caseID: nil).problems == [], "\(attack.name)")
        #expect(first.data == second.data, "\(attack.name): the two cases were recorded differently")
        if case .stepRefused = attack.outcome { return }
        #expect(first.state == "expired", "\(attack.name)")
        if case .harmless(let fields) = attack.outcome {
            for (field, value) in fields { #expect(first.data[field] == value, "\(attack.name): \(field)") }
        }
    }

    @Test func theCorpusCoversAtLeastSixtyAttacks() {
        #expect(HostileCorpus.attacks.count >= 60)
        #expect(Set(HostileCorpus.attacks.map(\.name)).count == HostileCorpus.attacks.count)
    }
}

import Foundation
import Ledger
import Testing
import WorkflowCore
import WorkflowLua

/// A hook's result depends only on the case, the event and the procedure: the same events give
/// byte-identical records whichever interpreter (each with its own string-hash seed) runs them,
/// in whatever order the cases are interleaved.
@Suite("Replay: the same events, the same records")
struct ReplayDeterminismTests {
    /// A plugin whose action reads everything a hook could use to tell two runs apart.
    static let plugin = ScriptSource(
        path: "Plugins/probe/plugin.lua",
        text: """
            local p = engine.plugin { name = "probe", version = "1", extends = "dvpo", forces = { "x" } }
            local seen = 0
            local words = {}
            for i = 1, 40 do words["w" .. i] = i end
            p:action("record_visit", "probe", function(case, event)
              seen = seen + 1
              local order = {}
              for key in pairs(words) do order[#order + 1] = key end
              for key in pairs(case.data) do order[#order + 1] = key end
              return { probe_order = table.concat(order, " "), probe_seen = seen, probe_table = tostring({}),
                probe_ratio = 7 / 7, probe_first = (next(case.data)) }
            end)
            """)

    /// Runs both cases' standard events, interleaved as `schedule` says (case ids in firing order),
    /// with a fresh procedure every `batch` events, and returns each case's canonical snapshot.
    static func records(schedule: [String], batch: Int) throws -> [String: String] {
        let store = InMemoryCaseStore()
        var next: [String: Int] = [:]
        var engine: TransitionEngine?
        for (index, caseID) in schedule.enumerated() {
            if index % batch == 0 {
                engine = try HostileAttack.load([plugin]).engine(for: "dvpo", procedure: "p")
            }
            let step = next[caseID, default: 0]
            next[caseID] = step + 1
            let (event, role) = HostileAttack.steps[step]
            _ = try store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
                try engine!.transition(current, HostileAttack.request(caseID, event, step: step * 2, role: role))
            }
        }
        var result: [String: String] = [:]
        for caseID in Set(schedule) {
            result[caseID] = try #require(try store.snapshot(caseID)).canonicalText
        }
        #expect(try store.verifyChain(caseID: nil).problems == [])
        return result
    }

    @Test func ordersProceduresAndBatchesDoNotChangeTheRecord() throws {
        let steps = HostileAttack.steps.count
        let sequential = Array(repeating: "C1", count: steps) + Array(repeating: "C2", count: steps)
        let interleaved = (0..<steps).flatMap { _ in ["C2", "C1"] }
        let first = try Self.records(schedule: sequential, batch: 1)
        #expect(first["C1"]!.contains("\"probe_seen\":1"))
        #expect(first["C1"]!.contains("\"probe_table\":\"table\""))
        #expect(first["C1"]!.contains("\"probe_ratio\":1.0"))
        for (schedule, batch) in [(sequential, 100), (interleaved, 1), (interleaved, 3), (interleaved, 100)] {
            let other = try Self.records(schedule: schedule, batch: batch)
            #expect(other == first)
        }
    }
}

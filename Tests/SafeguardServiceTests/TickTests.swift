import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// `due` and `tick` over a database of many cases, in process.
@Suite("Clocks across many cases: due and tick")
struct TickTests {
    static let base = Instant.parse("2026-05-01T09:00:00+01:00")!

    /// The line of `Workflows/dvpo.lua` declaring the rule decision_awaited.
    static var decisionAwaitedLine: Int {
        let text = try! String(contentsOf: ScriptsCopy.packageRoot.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.hasPrefix("dvpo:guard(\"record_deadline_decision\", \"decision_awaited\"") }! + 1
    }

    /// 120 cases served an hour apart from 1 May; every third is heard and given a 14-day order.
    func populated() throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tick-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path))
        func fire(_ id: String, _ event: String, _ at: Date, role: String = "constable", _ data: [String: Value] = [:]) throws {
            let request = TransitionRequest(
                caseID: id, event: event, at: at, actor: Actor(id: "X", role: role), data: data, workflow: "dvpo",
                force: id.hasPrefix("E") ? "cheshire" : "durham")
            _ = event == "report_incident" ? try casework.open(request) : try casework.fire(request)
        }
        for n in 0..<120 {
            let id = (n % 2 == 0 ? "E" : "W") + String(n)
            let t = Self.base.addingTimeInterval(TimeInterval(n * 3600))
            try fire(id, "report_incident", t, ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
            try fire(
                id, "authorise_notice", t, role: "superintendent",
                [
                    "grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "none",
                    "premises_conditions": false,
                ])
            try fire(id, "serve_notice", t, ["address_refused": true])
            if n % 3 == 0 {
                try fire(id, "apply_for_order", t.addingTimeInterval(600), ["court": "C", "listed_for": .string(Instant.format(t.addingTimeInterval(86_400)))])
                try fire(id, "grant_order", t.addingTimeInterval(86_400), ["days": 14])
            }
        }
        return casework
    }

    @Test func dueListsTheIndexSoonestFirstAndTickFiresEachDeadlineOnce() throws {
        let casework = try populated()
        let open = try casework.store.openDeadlines(dueBefore: nil, orMissed: false, force: nil)
        // 80 unheard notices have a pending hearing deadline; 40 orders have an end.
        #expect(open.filter { $0.clock == "hearing" }.count == 80)
        #expect(open.filter { $0.clock == "order_end" }.count == 40)
        #expect(open.map(\.due) == open.map(\.due).sorted())
        #expect(try casework.store.openDeadlines(dueBefore: nil, orMissed: false, force: "cheshire").allSatisfy { $0.force == "cheshire" })

        // A tick on 10 June: every unheard notice has missed its hearing; the orders made by
        // 27 May have ended (a 14-day order made on day d ends at the end of d + 13).
        let at = Instant.parse("2026-06-10T09:00:00+01:00")!
        let results = try casework.tick(at: at, force: nil)
        let fired = results.compactMap { result -> RecordedEvent? in
            if case .success(.recorded(let event, _)) = result.outcome { return event }
            return nil
        }
        let expectedEnds = open.filter { $0.clock == "order_end" && $0.due <= at }.count
        #expect(fired.filter { $0.event == "record_missed_deadline" }.count == 80)
        #expect(fired.filter { $0.event == "expire_order" }.count == expectedEnds)
        #expect(fired.allSatisfy { $0.actor == .engineClock })
        #expect(results.count == fired.count)

        // The same tick again changes nothing.
        let again = try casework.tick(at: at, force: nil)
        #expect(again.isEmpty)

        // Missed deadlines stay open until someone records a decision, and show in any window.
        let after = try casework.store.openDeadlines(dueBefore: nil, orMissed: false, force: nil)
        #expect(after.filter { $0.status == .missed }.count == 80)
        let window = try casework.store.openDeadlines(dueBefore: Self.base, orMissed: true, force: nil)
        #expect(window.count == 80 && window.allSatisfy { $0.status == .missed })
        let missed = try #require(after.first { $0.status == .missed })
        _ = try casework.fire(
            TransitionRequest(
                caseID: missed.caseID, event: "record_deadline_decision", at: at, actor: Actor(id: "I1", role: "inspector"),
                data: ["clock": "hearing", "decision": "notice_lapsed"]))
        #expect(try casework.store.openDeadlines(dueBefore: nil, orMissed: false, force: nil).filter { $0.status == .missed }.count == 79)
        let snapshot = try casework.snapshot(missed.caseID)
        #expect(snapshot.deadline("hearing")?.decision == "notice_lapsed")
    }

    @Test func anEarlyExpiryIsNotFiredAndADecisionNeedsAMissedDeadline() throws {
        let casework = try populated()
        let results = try casework.tick(at: Self.base, force: nil)
        #expect(results.isEmpty)
        #expect(
            throws: WorkflowError.refused(
                "record_deadline_decision refused by rule decision_awaited (Workflows/dvpo.lua:\(Self.decisionAwaitedLine)): clock hearing has no missed deadline awaiting a decision on this case (CSA 2010 s.26(2), s.27(3), s.29(1) set the deadlines); expected none: no deadline awaits a decision"
            )
        ) {
            try casework.fire(
                TransitionRequest(
                    caseID: "W1", event: "record_deadline_decision", at: Self.base.addingTimeInterval(86_400 * 2),
                    actor: Actor(id: "I1", role: "inspector"), data: ["clock": "hearing", "decision": "notice_continues"]))
        }
    }
}

import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Issue 13 (recovery paths): voiding an event takes with it the clock's events that answered a
/// deadline only it gave; a person's expiry after the end stays; a voided event's id is not
/// "already recorded"; a void is checked against the register at the time it is dated.
@Suite("void takes the clock's events derived from it")
struct VoidTakesClockEventsTests {
    static let sergeant = Actor(id: "S", role: "sergeant")

    static func casework(
        now: String, path: String = FileManager.default.temporaryDirectory.appendingPathComponent("void-derived-\(UUID().uuidString).sqlite").path
    ) throws -> Casework {
        try Casework(Configuration(storeURL: path, clock: { Instant.parse(now)! }))
    }

    static func fire(
        _ casework: Casework, _ id: String, _ event: String, _ at: String, role: String = "constable", _ data: [String: Value] = [:], eventID: String? = nil
    ) throws -> RecordOutcome {
        let request = TransitionRequest(
            caseID: id, event: event, at: Instant.parse(at)!, actor: Actor(id: "X", role: role), data: data, eventID: eventID, workflow: "dvpo",
            force: "national")
        return event == "report_incident" ? try casework.open(request) : try casework.fire(request)
    }

    @Test func aServiceTypedWronglyIsVoidedWithTheMissedDeadlineItCaused() throws {
        // Given a notice served on a time typed ten days early, and tick recording the hearing missed
        let casework = try Self.casework(now: "2026-05-25T06:00:00+01:00")
        _ = try Self.fire(
            casework, "M1", "report_incident", "2026-05-13T22:10:00+01:00", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
        _ = try Self.fire(
            casework, "M1", "authorise_notice", "2026-05-14T01:30:00+01:00", role: "superintendent",
            ["grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "n", "premises_conditions": false])
        _ = try Self.fire(casework, "M1", "serve_notice", "2026-05-14T09:15:00+01:00", ["address_refused": true])
        _ = try casework.tick(at: Instant.parse("2026-05-25T06:00:00+01:00")!, force: nil)
        #expect(try casework.store.history("M1").last?.event == "record_missed_deadline")

        // When the service is voided
        let outcome = try casework.void(caseID: "M1", sequence: 3, reason: "time typed wrongly", actor: Self.sergeant)

        // Then the missed deadline goes with it, in the same void, and the case is back before service
        guard case .recorded(let void, let snapshot) = outcome else { Issue.record("not recorded"); return }
        #expect(Casework.voidTargets(void) == [3, 4])
        #expect(snapshot.state == "notice_authorised")
        #expect(!snapshot.deadlines.contains { $0.status == .missed })
        #expect(try casework.replay("M1") == [])
        // And the notice served at its true time starts the hearing clock afresh, and tick fires nothing
        _ = try Self.fire(casework, "M1", "serve_notice", "2026-05-24T09:15:00+01:00", ["address_refused": true])
        #expect(try casework.tick(at: Instant.parse("2026-05-25T06:00:00+01:00")!, force: nil).isEmpty)
        #expect(try casework.replay("M1") == [])
    }

    @Test func voidingACorrectionTakesTheExpiryAtTheCorrectedEndAndTheClockFiresAtTheTrueEnd() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("void-derived-\(UUID().uuidString).sqlite").path
        let casework = try Self.casework(now: "2026-07-01T06:00:00+01:00", path: path)
        try ReportVoidAndCorrectionTests.granted(casework, "C13", days: 14)
        _ = try Self.fire(
            casework, "C13", "correct_record", "2026-06-03T10:00:00+01:00", role: "sergeant",
            ["corrected_field": "order_days", "corrected_value": 28, "correction_reason": "thought 28"])
        _ = try casework.tick(at: Instant.parse("2026-07-01T06:00:00+01:00")!, force: nil)
        let expiry = try #require(try casework.store.history("C13").last)
        #expect(expiry.event == "expire_order")

        let outcome = try casework.void(caseID: "C13", sequence: 6, reason: "the order was 14 days", actor: Self.sergeant)
        guard case .recorded(let void, let snapshot) = outcome else { Issue.record("not recorded"); return }
        #expect(Casework.voidTargets(void) == [6, expiry.sequence])
        #expect(snapshot.state == "order_in_force")
        let end = try #require(snapshot.deadlines.first { $0.clock == "order_end" })
        #expect(end.status == .pending)
        #expect(Instant.format(end.due) == "2026-06-15T23:59:59.999+01:00")
        // The clock fires again, at the order's true end.
        _ = try casework.tick(at: Instant.parse("2026-07-01T06:00:00+01:00")!, force: nil)
        let again = try #require(try casework.store.snapshot("C13"))
        #expect(again.state == "expired")
        #expect(again.deadlines.first { $0.clock == "order_end" }.map { Casework.same($0.due, end.due) } == true)
        #expect(try casework.replay("C13") == [])
    }

    @Test func anExpiryRecordedByAPersonIsNotVoidedAfterTheOrdersEnd() throws {
        let casework = try Self.casework(now: "2026-11-29T09:00:00Z")
        try ReportVoidAndCorrectionTests.granted(casework, "E1", days: 14)
        _ = try Self.fire(casework, "E1", "expire_order", "2026-06-16T09:00:00+01:00")
        #expect(
            throws: WorkflowError.refused(
                "event 6 (expire_order) settled deadline order_end, which fell due 2026-06-15T23:59:59.999+01:00; without it that deadline is still due then (the order would be back in force after its end); expected to leave it recorded, or to void (or correct) the event whose value set that time"
            )
        ) {
            try casework.void(caseID: "E1", sequence: 6, reason: "let the engine do it", actor: Self.sergeant)
        }
        #expect(try casework.store.snapshot("E1")?.state == "expired")
        #expect(try casework.store.history("E1").count == 6)
    }

    /// Case C4 granted for 28 days, then a visit recorded under event id V1 (event 6) and voided.
    static func visitRecordedAsV1AndVoided() throws -> Casework {
        let casework = try Self.casework(now: "2026-06-05T09:00:00+01:00")
        try ReportVoidAndCorrectionTests.granted(casework, "C4", days: 28)
        _ = try Self.fire(casework, "C4", "record_visit", "2026-06-03T15:00:00+01:00", ["outcome": "safe"], eventID: "V1")
        _ = try casework.void(caseID: "C4", sequence: 6, reason: "wrong time", actor: Self.sergeant)
        return casework
    }

    @Test func aVoidedEventsIdIsRefusedNotReportedAsRecorded() throws {
        let casework = try Self.visitRecordedAsV1AndVoided()
        #expect(
            throws: WorkflowError.badInput(
                "event id V1 was recorded for event 6 (record_visit) of case C4, voided by event 7; nothing changed; expected a new event id to record it again"
            )
        ) {
            try Self.fire(casework, "C4", "record_visit", "2026-06-04T15:00:00+01:00", ["outcome": "safe"], eventID: "V1")
        }
        #expect(try casework.store.history("C4").count == 7)
    }

    @Test func anApplyLineWithAVoidedEventsIdIsMalformedNotSkipped() throws {
        let casework = try Self.visitRecordedAsV1AndVoided()
        let line =
            #"{"id":"V1","case":"C4","event":"record_visit","at":"2026-06-04T15:00:00+01:00","actor":{"id":"PC2","role":"constable"},"data":{"outcome":"safe"}}"#
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("apply-voided-\(UUID().uuidString).jsonl").path
        try (line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: path)))
        let summary = try casework.apply(&reader, batchSize: 10, problem: { _, _, _ in }, progress: { _ in })
        #expect(summary.skipped == 0)
        #expect(summary.malformed == 1)
        #expect(
            summary.problems.first?.message
                == "event id V1 was recorded for event 6 (record_visit) of case C4, voided by event 7; nothing changed; expected a new event id to record it again"
        )
    }

    @Test func aVoidIsCheckedAgainstTheRegisterAtTheTimeItIsDated() throws {
        // Given a register where sergeant SG2 joined only after the case's latest event
        let scripts = try ScriptsCopy()
        let now = Instant.parse("2026-11-29T09:00:00Z")!
        let casework = try Casework(Configuration(storeURL: ":memory:", scripts: scripts.root.path, clock: { now }))
        let long = Instant.parse("2020-01-01T00:00:00Z")!
        let (_, admin) = try casework.initialise(force: "essex", administrator: .init(id: "ADM1", name: "Ann Admin", validFrom: long, reason: "set up"))
        let (constable, sergeant) = try casework.acting(as: admin) { () throws(WorkflowError) in
            _ = try casework.addStaff(
                force: "essex",
                [
                    .init(id: "PC1", name: "Pat Constable", roles: ["constable", "superintendent"], validFrom: long, reason: "joined"),
                    .init(id: "SG2", name: "Sam Sergeant", roles: ["sergeant"], validFrom: Instant.parse("2026-11-01T00:00:00Z")!, reason: "promoted"),
                ])
            return (
                try casework.issueToken(force: "essex", id: "PC1", reason: "first").token,
                try casework.issueToken(force: "essex", id: "SG2", reason: "first").token
            )
        }
        _ = try casework.acting(as: constable) { () throws(WorkflowError) in
            try casework.open(
                TransitionRequest(
                    caseID: "R1", event: "", at: Instant.parse("2026-05-23T22:10:00+01:00")!, actor: Actor(id: "", role: ""),
                    data: ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"], workflow: "dvpo", force: "essex"))
        }
        _ = try casework.acting(as: constable) { () throws(WorkflowError) in
            try casework.fire(
                TransitionRequest(
                    caseID: "R1", event: "authorise_notice", at: Instant.parse("2026-05-24T01:30:00+01:00")!, actor: Actor(id: "", role: "superintendent"),
                    data: ["grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "n", "premises_conditions": false]))
        }
        // When SG2 voids the authorisation: the void is dated at the opening (the latest event left), before SG2 joined
        #expect(
            throws: WorkflowError.refused(
                "the void is dated at the case's latest event in force (2026-05-23T22:10:00+01:00), and the register says: SG2 was not yet on the staff register of essex at 2026-05-23T22:10:00+01:00; expected an event within the entry's dates"
            )
        ) {
            try casework.acting(as: sergeant) { () throws(WorkflowError) in
                try casework.void(caseID: "R1", sequence: 2, reason: "wrong case", actor: Actor(id: "", role: ""))
            }
        }
        #expect(try casework.store.history("R1").count == 2)
    }
}

import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// The edges of putting mistakes right: every later event a correction or a void strands is named,
/// the clock's events stay in time order after a correction, a corrected listing is warned of as
/// the listing itself is, a link left out can be added, and events only the clock records are
/// not a person's to record.
@Suite("Recovering from mistakes: the edges")
struct RecoveryEdgeTests {
    /// A DVPO case C1 (national): served 1 June 2026 11:00, the application listed for 2 June 10:00.
    func served(now: String = "2026-07-10T09:00:00+01:00") throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recovery-edge-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path, clock: { Instant.parse(now)! }))
        try fire(casework, "report_incident", "2026-06-01T09:00:00+01:00", ["perpetrator_dob": "1980-01-01", "relationship": "spouse", "violence": "used"])
        try fire(
            casework, "authorise_notice", "2026-06-01T10:00:00+01:00", role: "superintendent",
            ["grounds": "g", "victim_opinion": "v", "children_welfare": "c", "perpetrator_representations": "n", "premises_conditions": false])
        try fire(casework, "serve_notice", "2026-06-01T11:00:00+01:00", ["address_refused": true])
        try fire(casework, "apply_for_order", "2026-06-01T12:00:00+01:00", ["court": "C", "listed_for": "2026-06-02T10:00:00+01:00"])
        return casework
    }

    @discardableResult
    func fire(
        _ casework: Casework, _ event: String, _ at: String, role: String = "constable", _ data: [String: Value] = [:], case id: String = "C1",
        workflow: String = "dvpo", force: String = "national"
    ) throws -> RecordOutcome {
        let request = TransitionRequest(
            caseID: id, event: event, at: Instant.parse(at)!, actor: Actor(id: role == "sergeant" ? "SGT1" : "X", role: role), data: data,
            workflow: workflow, force: force)
        return ["report_incident", "record_order"].contains(event) ? try casework.open(request) : try casework.fire(request)
    }

    func correct(_ casework: Casework, _ field: String, _ value: Value, at: String, case id: String = "C1") throws -> RecordOutcome {
        try fire(
            casework, "correct_record", at, role: "sergeant",
            ["corrected_field": .string(field), "corrected_value": value, "correction_reason": "the court's record says otherwise"], case: id)
    }

    func warnings(_ outcome: RecordOutcome) -> [String] {
        guard case .recorded(let event, _) = outcome else { return [] }
        return (event.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    // Item 1 -------------------------------------------------------------------------------------

    @Test func aCorrectionNamesEveryLaterEventACheckWouldNowRefuse() throws {
        // Given a 28-day order with two visits after its 14th day
        let casework = try served()
        try fire(casework, "grant_order", "2026-06-02T11:00:00+01:00", ["days": 28])
        try fire(casework, "record_visit", "2026-06-20T10:00:00+01:00", ["outcome": "seen"])
        try fire(casework, "record_visit", "2026-06-25T10:00:00+01:00", ["outcome": "seen"])
        // When the period is corrected to 14 days
        let said = warnings(try correct(casework, "order_days", 14, at: "2026-06-26T10:00:00+01:00"))
        // Then both visits are named, each by number and name, with no value
        #expect(
            said.contains(
                "with the corrected order_days, record_visit (event 6) would now be refused by check order_not_ended; it stands as recorded: check it, or void event 6"
            ), "\(said)")
        #expect(
            said.contains(
                "with the corrected order_days, record_visit (event 7) would now be refused by check order_not_ended; it stands as recorded: check it, or void event 7"
            ), "\(said)")
    }

    @Test func aVoidNamesEveryLaterEventItWouldStrand() throws {
        let casework = try served()
        let before = try casework.store.history("C1").count
        let error = #expect(throws: WorkflowError.self) {
            try casework.void(caseID: "C1", sequence: 2, reason: "wrong superintendent", actor: Actor(id: "S", role: "sergeant"))
        }
        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "without event 2, 2 later events of case C1 would be refused: events 3 (serve_notice), 4 (apply_for_order); the first: serve_notice is not allowed in state incident; allowed there: authorise_notice, correct_record, close; expected to void the later events first, the latest first",
            "\(error?.message ?? "")")
        #expect(try casework.store.history("C1").count == before)
    }

    // Item 2 -------------------------------------------------------------------------------------

    @Test func aMissedDeadlineACorrectionPutInThePastIsDatedAtTheLatestEventAndKeepsItsDueTime() throws {
        // Given an arrest for breaching the notice at 13:00: production by the 10:00 hearing next day
        let casework = try served(now: "2026-06-01T16:00:00+01:00")
        try fire(casework, "report_notice_breach", "2026-06-01T13:00:00+01:00")
        // When the listing is corrected to 14:00 the same day, at 15:00: production was due at 14:00
        _ = try correct(casework, "listed_for", "2026-06-01T14:00:00+01:00", at: "2026-06-01T15:00:00+01:00")
        let results = try casework.tick(at: Instant.parse("2026-06-01T16:00:00+01:00")!, force: nil)
        let missed = try #require(
            results.compactMap { result -> RecordedEvent? in
                guard case .success(.recorded(let event, _)) = result.outcome, event.event == "record_missed_deadline" else { return nil }
                return event
            }.first)
        // Then the miss is dated at the correction, not before it, and says when it was due
        #expect(Instant.format(missed.at) == "2026-06-01T15:00:00+01:00")
        #expect(missed.data[TransitionEngine.deadlineDueKey] == "2026-06-01T13:00:00.000Z")
        #expect(missed.data["clock"] == "notice_breach_production")
        let said = (missed.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(
            said.contains(
                "record_missed_deadline is dated 2026-06-01T15:00:00+01:00, after deadline notice_breach_production fell due at 2026-06-01T14:00:00+01:00, because events are already recorded after that time; the deadline was missed at 2026-06-01T14:00:00+01:00"
            ), "\(said)")
        let history = try casework.store.history("C1")
        #expect(history.map(\.at) == history.map(\.at).sorted())
        #expect(try casework.snapshot("C1").updatedAt == missed.at)
        // And the case replays as recorded
        #expect(try casework.replay("C1") == [])
    }

    // Item 3 -------------------------------------------------------------------------------------

    @Test func aListingCorrectedBeyondThe48HoursIsWarnedOfAsTheListingItselfIs() throws {
        let casework = try served()
        let outcome = try correct(casework, "listed_for", "2026-06-04T10:00:00+01:00", at: "2026-06-01T13:00:00+01:00")
        #expect(
            warnings(outcome).contains(
                "with the corrected listed_for, apply_for_order (event 4) warns: the hearing is listed for 2026-06-04T10:00:00+01:00, after the 48 hours end at 2026-06-03T11:00:00+01:00 (CSA 2010 s.27(3))"
            ), "\(warnings(outcome))")
        #expect(try casework.snapshot("C1").data["listed_for"] == "2026-06-04T09:00:00.000Z")
        // The same listing again changes nothing: bad input, nothing recorded
        #expect(
            throws: WorkflowError.badInput(
                "listed_for already holds the value given: the correction would change nothing, and nothing was recorded; expected the value the record should hold"
            )
        ) {
            try correct(casework, "listed_for", "2026-06-04T10:00:00+01:00", at: "2026-06-01T13:10:00+01:00")
        }
        // A listing within the 48 hours says nothing of them
        let within = try correct(casework, "listed_for", "2026-06-02T11:00:00+01:00", at: "2026-06-01T13:30:00+01:00")
        #expect(!warnings(within).joined().contains("48 hours"), "\(warnings(within))")
    }

    // Item 4 -------------------------------------------------------------------------------------

    @Test func aMissedDeadlineIsNotAPersonsToRecord() throws {
        let casework = try served()
        let error = #expect(throws: WorkflowError.self) {
            try fire(casework, "record_missed_deadline", "2026-06-01T13:00:00+01:00", role: "chief_constable", ["clock": "hearing"])
        }
        #expect(error?.kind == .refused)
        #expect(
            error?.message.hasPrefix("record_missed_deadline refused by rule who (Workflows/dvpo.lua:") == true
                && error?.message.hasSuffix(
                    "only the engine's clock records it, when its deadline falls due (safeguard tick); X holds chief_constable; expected safeguard tick, or safeguard due to see what falls due"
                ) == true, "\(error?.message ?? "")")
        #expect(try casework.store.history("C1").count == 4)
    }

    @Test(arguments: [("dvpo", "national"), ("dapo", "greater_manchester"), ("restraining_order", "national")])
    func anOrdersExpiryIsNotAPersonsToRecordBeforeItsEnd(workflow: String, force: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("expiry-early-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path, clock: { Instant.parse("2026-07-10T09:00:00+01:00")! }))
        switch workflow {
        case "dvpo":
            let served = try served()
            try fire(served, "grant_order", "2026-06-02T11:00:00+01:00", ["days": 28])
            try expectEarlyExpiryRefused(served, id: "C1", at: "2026-06-20T10:00:00+01:00")
            return
        case "dapo":
            try fire(
                casework, "report_incident", "2026-01-20T10:00:00Z",
                [
                    "route": "victim", "perpetrator_dob": "1970-01-01", "victim_dob": "1975-01-01", "relationship": "formerly_married",
                    "abuse": "economic",
                ], case: "D1", workflow: workflow, force: force)
            try fire(casework, "apply_for_order", "2026-01-21T10:00:00Z", ["court": "c", "listed_for": "2026-02-02T10:00:00Z"], case: "D1")
            try fire(casework, "grant_order", "2026-02-02T12:00:00Z", ["ends_on": "2026-06-30"], case: "D1")
        default:
            try fire(
                casework, "record_order", "2026-06-01T09:00:00+01:00", ["basis": "conviction", "court": "c", "terms": "t", "ends_on": "2026-12-31"],
                case: "D1", workflow: workflow, force: force)
        }
        try expectEarlyExpiryRefused(casework, id: "D1", at: workflow == "dapo" ? "2026-03-10T10:00:00Z" : "2026-06-20T10:00:00+01:00")
    }

    func expectEarlyExpiryRefused(_ casework: Casework, id: String, at: String) throws {
        let count = try casework.store.history(id).count
        let error = #expect(throws: WorkflowError.self) { try fire(casework, "expire_order", at, case: id) }
        #expect(error?.kind == .refused)
        #expect(error?.message.contains("refused by rule order_period_over") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("expire_order is allowed only at or after its end") == true, "\(error?.message ?? "")")
        #expect(try casework.store.history(id).count == count)
    }

    // Item 5 -------------------------------------------------------------------------------------

    @Test func aLinkLeftOutIsAddedByACorrectionWithWarningsWhenItLooksWrong() throws {
        // Given a restraining order recorded without its link, and a DVPO case of another force opened later
        let casework = try served()
        try fire(
            casework, "record_order", "2026-05-20T09:00:00+01:00", ["basis": "conviction", "court": "c", "terms": "t"], case: "R1",
            workflow: "restraining_order", force: "essex")
        // When the link is added
        let outcome = try correct(casework, "linked_case", "C1", at: "2026-06-02T09:00:00+01:00", case: "R1")
        // Then the case holds it, and the officer is warned, not refused
        #expect(try casework.snapshot("R1").data["linked_case"] == "C1")
        #expect(
            warnings(outcome) == [
                "linked_case names a case of force national, not essex; check the id is the case this one follows",
                "linked_case names a case opened after this one (2026-06-01T09:00:00+01:00, this case 2026-05-20T09:00:00+01:00); check the id is the case this one follows",
            ])
        // And a link to nothing is refused without echoing what was typed
        let error = #expect(throws: WorkflowError.self) {
            try correct(casework, "linked_case", "Jane Smith, 1 High St", at: "2026-06-02T10:00:00+01:00", case: "R1")
        }
        #expect(error?.kind == .badInput)
        #expect(error?.message.contains("Jane") == false)
        // And a case is not linked to itself
        let itself = #expect(throws: WorkflowError.self) { try correct(casework, "linked_case", "R1", at: "2026-06-02T10:00:00+01:00", case: "R1") }
        #expect(itself?.message == "linked_case R1 names this case itself; expected the id of the notice or order case this one follows")
    }

    @Test func aLinkGivenWhenOpeningIsWarnedOfToo() throws {
        let casework = try served()
        let outcome = try fire(
            casework, "record_order", "2026-05-20T09:00:00+01:00", ["basis": "conviction", "court": "c", "terms": "t", "linked_case": "C1"],
            case: "R1", workflow: "restraining_order", force: "national")
        #expect(
            warnings(outcome) == [
                "linked_case names a case opened after this one (2026-06-01T09:00:00+01:00, this case 2026-05-20T09:00:00+01:00); check the id is the case this one follows"
            ])
    }

    @Test func applyChecksALinkAsOpenAndFireDo() throws {
        // Given a DVPO case C1, and a file that opens a restraining order linked to it, links
        // another to nothing, and adds a link to a third by correction
        let casework = try served()
        let lines = [
            #"{"case":"R1","workflow":"restraining_order","force":"essex","event":"record_order","at":"2026-06-02T09:00:00+01:00","actor":{"id":"PC1","role":"constable"},"data":{"basis":"conviction","court":"c","terms":"t","linked_case":"C1"}}"#,
            #"{"case":"R2","workflow":"restraining_order","force":"national","event":"record_order","at":"2026-06-02T09:00:00+01:00","actor":{"id":"PC1","role":"constable"},"data":{"basis":"conviction","court":"c","terms":"t","linked_case":"NOPE"}}"#,
            #"{"case":"R3","workflow":"restraining_order","force":"national","event":"record_order","at":"2026-06-02T09:00:00+01:00","actor":{"id":"PC1","role":"constable"},"data":{"basis":"conviction","court":"c","terms":"t"}}"#,
            #"{"case":"R3","event":"correct_record","at":"2026-06-02T10:00:00+01:00","actor":{"id":"SGT1","role":"sergeant"},"data":{"corrected_field":"linked_case","corrected_value":"C1","correction_reason":"left out"}}"#,
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("apply-link-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: path)))
        // When it is applied
        let summary = try casework.apply(&reader, batchSize: 100, problem: { _, _, _ in }, progress: { _ in })
        // Then the link to nothing is malformed, the others recorded with their warnings
        #expect(summary.applied == 3)
        #expect(summary.malformed == 1)
        #expect(summary.problems.first?.message == "linked_case NOPE names no case on record; expected the id of the notice or order case this one follows")
        #expect(try casework.snapshot("R3").data["linked_case"] == "C1")
        let opened = try #require(try casework.store.history("R1").first)
        #expect(
            opened.data[TransitionEngine.warningsKey]
                == .array([
                    "linked_case names a case of force national, not essex; check the id is the case this one follows"
                ]))
    }

    // Item 6 -------------------------------------------------------------------------------------

    @Test func aDAPOsEndCorrectedToBeforeAVariationIsRefusedAsTheVariationIs() throws {
        let casework = try grantedDAPO(["ends_on": "2026-06-30"])
        try fire(casework, "vary_order", "2026-03-01T12:00:00Z", ["applicant": "victim", "variation": "v", "ends_on": "2026-07-31"], case: "D1")
        let error = #expect(throws: WorkflowError.self) { try correct(casework, "ends_on", "2026-02-15", at: "2026-03-02T10:00:00Z", case: "D1") }
        #expect(error?.kind == .refused)
        #expect(
            error?.message.hasPrefix(
                "correct_record refused: with the corrected ends_on, vary_order (event 4) would be refused: vary_order refused by rule end_not_in_past")
                == true,
            "\(error?.message ?? "")")
        #expect(try casework.snapshot("D1").data["ends_on"] == "2026-07-31")
    }

    // Item 7 -------------------------------------------------------------------------------------

    @Test func anEndNeverRecordedIsNotAddedByACorrectionAndTheRefusalSaysHow() throws {
        let casework = try grantedDAPO([:])
        let error = #expect(throws: WorkflowError.self) { try correct(casework, "ends_on", "2026-06-30", at: "2026-03-02T10:00:00Z", case: "D1") }
        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "correct_record refused: ends_on is not recorded on case D1 (grant_order or vary_order left it out, or has not been recorded), so there is no value to correct; expected, if it was left out by mistake, to void that event and record it again with ends_on (safeguard history D1 numbers the events)",
            "\(error?.message ?? "")")
    }

    /// A new store holding DAPO case D1 of Greater Manchester, granted on 2 February 2026 with `grant`.
    func grantedDAPO(_ grant: [String: Value]) throws -> Casework {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dapo-\(UUID().uuidString).sqlite").path
        let casework = try Casework(Configuration(storeURL: path, clock: { Instant.parse("2026-07-10T09:00:00+01:00")! }))
        try fire(
            casework, "report_incident", "2026-01-20T10:00:00Z",
            ["route": "victim", "perpetrator_dob": "1970-01-01", "victim_dob": "1975-01-01", "relationship": "formerly_married", "abuse": "economic"],
            case: "D1", workflow: "dapo", force: "greater_manchester")
        try fire(casework, "apply_for_order", "2026-01-21T10:00:00Z", ["court": "c", "listed_for": "2026-02-02T10:00:00Z"], case: "D1")
        try fire(casework, "grant_order", "2026-02-02T12:00:00Z", grant, case: "D1")
        return casework
    }
}

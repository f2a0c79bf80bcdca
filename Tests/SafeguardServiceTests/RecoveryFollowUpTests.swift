import Foundation
import Testing
import WorkflowCore

@testable import SafeguardService

/// Corrections and voids after the issue-13 recovery round: a second correction names the events
/// it strands, apply records no correction that changes nothing, a corrected date of birth is not
/// after the event that first gave it, and a void refuses to leave a correction changing nothing
/// or a migration without the state it mapped from.
@Suite("Recovery follow-up: corrections, voids and migrations")
struct RecoveryFollowUpTests {
    static let authorisation: [String: Value] = [
        "grounds": "assault", "victim_opinion": "x", "children_welfare": "none", "perpetrator_representations": "none",
        "premises_conditions": false,
    ]

    func request(_ event: String, _ at: String, _ actor: String, _ role: String, _ data: [String: Value] = [:]) -> TransitionRequest {
        TransitionRequest(caseID: "C1", event: event, at: Instant.parse(at)!, actor: Actor(id: actor, role: role), data: data)
    }

    func correction(_ field: String, _ value: Value, at: String) -> TransitionRequest {
        request("correct_record", at, "SGT1", "sergeant", ["corrected_field": .string(field), "corrected_value": value, "correction_reason": "r"])
    }

    /// A DVPO case on Essex's procedure opened with `dob`, in `scripts` when given.
    func opened(dob: String, scripts: String? = nil, store: String = ":memory:") throws -> Casework {
        let casework = try Casework(Configuration(storeURL: store, scripts: scripts))
        var open = request(
            "report_incident", "2026-05-23T22:10:00+01:00", "PC1", "constable",
            ["perpetrator_dob": .string(dob), "relationship": "cohabitant", "violence": "used"])
        open.workflow = "dvpo"
        open.force = "essex"
        _ = try casework.open(open)
        return casework
    }

    func warnings(_ outcome: RecordOutcome) -> [String] {
        guard case .recorded(let event, _) = outcome else { return [] }
        return (event.data[TransitionEngine.warningsKey]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func aSecondCorrectionOfTheSameFieldNamesTheEventsItStrands() throws {
        let casework = try opened(dob: "2012-01-01")
        _ = try casework.fire(correction("perpetrator_dob", "1988-02-14", at: "2026-05-24T01:00:00+01:00"))
        _ = try casework.fire(request("authorise_notice", "2026-05-24T01:30:00+01:00", "SUP77", "superintendent", Self.authorisation))
        let back = try casework.fire(correction("perpetrator_dob", "2012-01-01", at: "2026-05-24T02:00:00+01:00"))
        #expect(
            warnings(back).contains(
                "with the corrected perpetrator_dob, authorise_notice (event 3) would now be refused by check perpetrator_adult; it stands as recorded: check it, or void event 3"
            ))
    }

    @Test func aCorrectedDateOfBirthAfterTheDayThatFirstGaveItIsBadInput() throws {
        let casework = try opened(dob: "1988-02-14")
        let error = #expect(throws: WorkflowError.self) {
            try casework.fire(correction("perpetrator_dob", "2026-05-25", at: "2026-05-28T10:00:00+01:00"))
        }
        #expect(error?.kind == .badInput)
        #expect(
            error?.message
                == "perpetrator_dob is after the day of report_incident (event 1, 2026-05-23), which first recorded it; expected a date of birth on or before that day")
        #expect(try casework.store.history("C1").count == 1)
        // The day itself is a date of birth the incident could have recorded.
        _ = try casework.fire(correction("perpetrator_dob", "2026-05-23", at: "2026-05-28T10:00:00+01:00"))
    }

    @Test func applyRecordsNoCorrectionThatChangesNothing() throws {
        let casework = try opened(dob: "1988-02-14")
        let line = #"{"case":"C1","event":"correct_record","at":"2026-05-27T10:00:00+01:00","actor":{"id":"SGT1","role":"sergeant"},"data":{"corrected_field":"perpetrator_dob","corrected_value":"1988-02-14","correction_reason":"same"}}"#
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("noop-\(UUID().uuidString).jsonl").path
        try (line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: path)))
        let summary = try casework.apply(&reader, batchSize: 100, problem: { _, _, _ in }, progress: { _ in })
        #expect(summary.applied == 0)
        #expect(summary.malformed == 1)
        #expect(
            summary.problems.first?.message
                == "perpetrator_dob already holds the value given: the correction would change nothing, and nothing was recorded; expected the value the record should hold")
        #expect(try casework.store.history("C1").count == 1)
    }

    @Test func aVoidLeavingACorrectionThatChangesNothingIsRefused() throws {
        let casework = try opened(dob: "1988-02-14")
        _ = try casework.fire(correction("perpetrator_dob", "1988-02-15", at: "2026-05-24T01:00:00+01:00"))
        _ = try casework.fire(correction("perpetrator_dob", "1988-02-14", at: "2026-05-24T02:00:00+01:00"))
        let error = #expect(throws: WorkflowError.self) {
            try casework.void(caseID: "C1", sequence: 2, reason: "first was wrong", actor: Actor(id: "SGT1", role: "sergeant"))
        }
        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "without event 2, event 3 (correct_record) of case C1 would be refused: its perpetrator_dob would already hold the corrected value, so the correction would change nothing; expected to void the later events first"
        )
        #expect(try casework.store.history("C1").count == 3)
    }

    @Test func aVoidALaterMigrationReliedOnIsRefused() throws {
        let scripts = try ScriptsCopy()
        let plugin = "Plugins/essex/plugin.lua"
        let original = try String(contentsOf: scripts.root.appendingPathComponent(plugin), encoding: .utf8)
        try scripts.write(
            plugin,
            original + """

                essex:state("triage", "Awaiting triage")
                essex:event("send_to_triage", { from = { "notice_authorised", "notice_served" }, to = "triage", who = "constable", summary = "Send to triage", data = {} })

                """)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("migrated-\(UUID().uuidString).sqlite").path
        let before = try opened(dob: "1988-02-14", scripts: scripts.root.path, store: store)
        _ = try before.fire(request("authorise_notice", "2026-05-24T01:30:00+01:00", "SUP77", "superintendent", Self.authorisation))
        _ = try before.fire(request("serve_notice", "2026-05-24T09:15:00+01:00", "PC1", "constable", ["hearing_address": "4 Mill Lane"]))
        _ = try before.fire(request("send_to_triage", "2026-05-24T10:00:00+01:00", "PC1", "constable"))
        try scripts.write(plugin, original)
        let casework = try Casework(Configuration(storeURL: store, scripts: scripts.root.path))
        let reports = try casework.migrate(
            caseID: "C1", dryRun: false, reason: "triage retired", actor: "ADM1", at: nil, stateMap: ["triage": "notice_served"])
        #expect(reports.first?.migrated == true)
        let sergeant = Actor(id: "SGT1", role: "sergeant")
        let triage = #expect(throws: WorkflowError.self) { try casework.void(caseID: "C1", sequence: 4, reason: "r", actor: sergeant) }
        #expect(
            triage?.message
                == "without event 4, event 5 (migrate_procedure) of case C1 would be refused: event 5 (migrate_procedure) maps from triage to notice_served, and the case would be in notice_served before it; a migration is never voided and relied on event 4; expected to leave event 4 in force and put the case right by later events (safeguard show C1 lists the next events)"
        )
        let service = #expect(throws: WorkflowError.self) { try casework.void(caseID: "C1", sequence: 3, reason: "r", actor: sergeant) }
        #expect(
            service?.message.hasPrefix(
                "without event 3, event 5 (migrate_procedure) of case C1 would be refused: --map triage=notice_served refused by the statutory floor (Crime and Security Act 2010 s.25(1)): entering notice_served needs serve_notice in force, and the case has none; a migration is never voided"
            ) == true)
        #expect(try casework.store.history("C1").count == 5)
    }
}

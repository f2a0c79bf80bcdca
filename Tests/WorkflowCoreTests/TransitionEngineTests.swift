import Foundation
import Testing
import WorkflowCore

@Suite("The transition function")
struct TransitionEngineTests {
    let engine = TransitionEngine(workflow: SampleWorkflow.definition(), procedure: "p1")

    func opened() throws -> CaseSnapshot {
        try engine.transition(nil, SampleWorkflow.request("start", data: ["born": "1990-01-01"])).snapshot
    }

    func error(_ body: () throws(WorkflowError) -> Transition) -> WorkflowError? {
        do throws(WorkflowError) {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func opensACaseInTheOpeningEventsState() throws {
        let snapshot = try opened()
        #expect(snapshot.state == "open")
        #expect(snapshot.version == 1)
        #expect(snapshot.force == "test")
        #expect(snapshot.procedure == "p1")
        #expect(snapshot.data == ["born": "1990-01-01"])
    }

    @Test func appliesAnAllowedEventWithItsDataActionChangesAndClock() throws {
        let transition = try engine.transition(try opened(), SampleWorkflow.request("review", "2026-05-01T12:00:00+01:00", data: SampleWorkflow.reviewData))
        #expect(transition.from == "open")
        #expect(transition.to == "review")
        #expect(transition.guardsPassed == ["checked"])
        #expect(transition.snapshot.version == 2)
        // The instant field is stored normalised to UTC; the action's change is recorded too.
        #expect(transition.snapshot.data["when"] == "2026-05-02T08:00:00.000Z")
        #expect(transition.changes == ["reviewed_at": "2026-05-01T11:00:00.000Z"])
        let deadline = try #require(transition.snapshot.deadline("period"))
        #expect(Instant.format(deadline.due) == "2026-05-14T23:59:59.999+01:00")
        #expect(deadline.status == .pending)
    }

    @Test func meetingAClockSettlesItAndAFinalStateStopsTheRest() throws {
        let reviewed = try engine.transition(try opened(), SampleWorkflow.request("review", data: SampleWorkflow.reviewData)).snapshot
        let finished = try engine.transition(reviewed, SampleWorkflow.request("finish", "2026-05-20T10:00:00Z")).snapshot
        #expect(finished.state == "done")
        #expect(finished.deadline("period")?.status == .met)
        #expect(finished.deadline("period")?.settledBy == "finish")
    }

    @Test func eventsFromAnyNonFinalStateKeepTheStateWhenTheyHaveNoTarget() throws {
        let noted = try engine.transition(try opened(), SampleWorkflow.request("note", data: ["text": "called"]))
        #expect(noted.to == "open")
    }

    @Test(
        arguments: [
            (
                "nonsense", [String: Value](), "inspector", WorkflowError.Kind.badInput,
                "unknown event \"nonsense\" in workflow sample; expected one of: start, review, finish, note"
            ),
            ("finish", [:], "inspector", .refused, "finish is not allowed in state open; allowed there: review, note"),
            ("start", ["born": "1990-01-01"], "inspector", .badInput, "case \"S1\" already exists; expected a new case id"),
            (
                "review", SampleWorkflow.reviewData, "sergeant", .refused,
                "review refused by rule who (<built-in>:0): needs inspector or above, or legal_officer; X1 holds sergeant"
            ),
            (
                "review", SampleWorkflow.reviewData, "sarge", .badInput,
                "unknown role \"sarge\"; expected a rank (constable, sergeant, inspector, chief_inspector, superintendent, chief_superintendent, assistant_chief_constable, commander, deputy_chief_constable, deputy_assistant_commissioner, chief_constable, assistant_commissioner, deputy_commissioner, commissioner), or a staff role (legal_officer)"
            ),
            (
                "review", ["when": "2026-05-02T09:00:00Z"], "legal_officer", .badInput,
                "review needs field \"days\": expected a whole number"
            ),
            (
                "review", ["days": "fourteen", "when": "2026-05-02T09:00:00Z"], "inspector", .badInput,
                "field \"days\" of review must be a whole number; got text"
            ),
            (
                "review", ["days": 14, "when": "2026-05-02 09:00"], "inspector", .badInput,
                "field \"when\" of review must be a time in ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00; got text"
            ),
            (
                "review", ["days": 14, "flag": true], "inspector", .badInput,
                "review needs field \"why\": expected text (required when flag is true)"
            ),
            (
                "review", ["days": 14], "inspector", .badInput,
                "review needs field \"when\": expected a time in ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00 (required unless flag is true)"
            ),
            (
                "review", ["days": 14, "flag": true, "why": "   "], "inspector", .badInput,
                "field \"why\" of review must be text; got empty text"
            ),
            (
                "review", ["days": 14, "when": "2026-05-02T09:00:00Z", "kind": "c"], "inspector", .badInput,
                "field \"kind\" of review must be one of: a, b; got text"
            ),
            (
                "review", ["days": 14, "when": "2026-05-02T09:00:00Z", "dayz": 1], "inspector", .badInput,
                "field \"dayz\" is not part of review; expected: days, kind, flag, why, when"
            ),
        ] as [(String, [String: Value], String, WorkflowError.Kind, String)])
    func refusesWithOneLineSayingWhatWasWrongAndWhatWasExpected(
        event: String, data: [String: Value], role: String, kind: WorkflowError.Kind, message: String
    ) throws {
        let snapshot = try opened()
        let failure = error { () throws(WorkflowError) in try engine.transition(snapshot, SampleWorkflow.request(event, role: role, data: data)) }
        #expect(failure == WorkflowError(kind, message))
    }

    @Test func anEventOnACaseThatDoesNotExistNamesTheCase() {
        let failure = error { () throws(WorkflowError) in try engine.transition(nil, SampleWorkflow.request("finish")) }
        #expect(failure == .unknownCase("S1"))
        #expect(failure?.message == "unknown case \"S1\"; expected the id of an existing case (see 'safeguard list')")
    }

    @Test func anEventMayNotPrecedeTheLatestChangeOfState() throws {
        let snapshot = try opened()
        let failure = error { () throws(WorkflowError) in
            try engine.transition(snapshot, SampleWorkflow.request("note", "2026-05-01T09:59:59Z", data: ["text": "x"]))
        }
        #expect(
            failure?.message
                == "time 2026-05-01T10:59:59+01:00 is before the case's latest change of state (2026-05-01T11:00:00+01:00, to open); expected a time at or after it"
        )
    }

    @Test func anEventMayCarryItsTrueTimeBeforeEventsThatLeftTheStateAsItWas() throws {
        let noted = try engine.transition(try opened(), SampleWorkflow.request("note", "2026-05-01T12:00:00Z", data: ["text": "later"])).snapshot
        let earlier = try engine.transition(noted, SampleWorkflow.request("note", "2026-05-01T10:30:00Z", data: ["text": "true time"]))
        #expect(earlier.at == Instant.parse("2026-05-01T10:30:00Z"))
        #expect(earlier.snapshot.updatedAt == Instant.parse("2026-05-01T12:00:00Z"))
        #expect(earlier.snapshot.stateChangedAt == Instant.parse("2026-05-01T10:00:00Z"))
        let reviewed = try engine.transition(noted, SampleWorkflow.request("review", "2026-05-01T12:30:00Z", data: SampleWorkflow.reviewData)).snapshot
        #expect(reviewed.stateChangedAt == Instant.parse("2026-05-01T12:30:00Z"))
    }

    @Test func aFinalStateTakesNoFurtherEvents() throws {
        let reviewed = try engine.transition(try opened(), SampleWorkflow.request("review", data: SampleWorkflow.reviewData)).snapshot
        let done = try engine.transition(reviewed, SampleWorkflow.request("finish")).snapshot
        let failure = error { () throws(WorkflowError) in try engine.transition(done, SampleWorkflow.request("note", data: ["text": "x"])) }
        #expect(failure == .refused("case S1 is done, a final state; expected no further events"))
    }

    @Test func aGuardRefusalNamesTheRuleAndItsLocation() throws {
        let refusing = TransitionEngine(workflow: SampleWorkflow.definition(guardVerdict: { _ in .refuse("not yet") }), procedure: "p1")
        let snapshot = try opened()
        let failure = error { () throws(WorkflowError) in try refusing.transition(snapshot, SampleWorkflow.request("review", data: SampleWorkflow.reviewData)) }
        #expect(failure == .refused("review refused by rule checked (Workflows/sample.lua:1): not yet"))
    }

    @Test func aFailingGuardOrActionIsAScriptErrorBlamingItsLine() throws {
        let snapshot = try opened()
        let crashingGuard = TransitionEngine(
            workflow: SampleWorkflow.definition(guardVerdict: { _ in .failed(ScriptFailure(message: "Workflows/sample.lua:9: attempt to index a nil value")) }),
            procedure: "p1")
        let guardFailure = error { () throws(WorkflowError) in
            try crashingGuard.transition(snapshot, SampleWorkflow.request("review", data: SampleWorkflow.reviewData))
        }
        #expect(guardFailure == .script("Workflows/sample.lua:9: guard checked of review: attempt to index a nil value"))

        let badAction = TransitionEngine(
            workflow: SampleWorkflow.definition(actionResult: { _ in .success(["Bad Key": 1]) }), procedure: "p1")
        let actionFailure = error { () throws(WorkflowError) in
            try badAction.transition(snapshot, SampleWorkflow.request("review", data: SampleWorkflow.reviewData))
        }
        #expect(
            actionFailure
                == .script(
                    "Workflows/sample.lua:1: action stamp of review proposed a change under a key that is not a field name (7 characters); expected names of lower-case letters, digits and _"))
    }

    @Test("a key an action makes of a case's value is never quoted in the error")
    func scriptMadeKeyNotQuoted() throws {
        let engine = TransitionEngine(
            workflow: SampleWorkflow.definition(actionResult: { _ in .success(["4 Mill Lane, Colchester": true]) }), procedure: "p1")
        let snapshot = try engine.transition(nil, SampleWorkflow.request("start", data: ["born": "1990-01-01"])).snapshot
        let failure = error { () throws(WorkflowError) in
            try engine.transition(snapshot, SampleWorkflow.request("review", data: SampleWorkflow.reviewData))
        }
        #expect(!"\(failure)".contains("Mill Lane"))
        #expect(failure?.reason.contains("(23 characters)") == true)
    }
}

@Suite("Migrating a case onto another procedure")
struct MigrationTests {
    @Test func aCaseWhoseStateIsGoneIsNotMigrated() throws {
        let engine = TransitionEngine(workflow: SampleWorkflow.definition(), procedure: "new")
        var snapshot = try engine.transition(nil, SampleWorkflow.request("start", data: ["born": "1990-01-01"])).snapshot
        snapshot.state = "retired_state"
        #expect(
            throws: WorkflowError.refused(
                "case S1 is in state retired_state, which the current procedure does not have; expected --map retired_state=STATE naming one of open, review"
            )
        ) {
            try engine.migration(of: snapshot)
        }
    }

    @Test func aCaseWhoseStateIsGoneMovesToTheMappedState() throws {
        let engine = TransitionEngine(workflow: SampleWorkflow.definition(), procedure: "new")
        var snapshot = try engine.transition(nil, SampleWorkflow.request("start", data: ["born": "1990-01-01"])).snapshot
        snapshot.state = "retired_state"
        let actor = Actor(id: "ADM", role: "administrator")
        let transition = try engine.migrate(
            snapshot, at: SampleWorkflow.at("2026-05-01T12:00:00Z"), actor: actor, reason: "r", stateMap: ["retired_state": "review"])
        #expect(transition.from == "retired_state" && transition.to == "review")
        #expect(transition.snapshot.state == "review")
        #expect(transition.data["state_map"] == .object(["retired_state": "review"]))
        #expect(throws: WorkflowError.badInput("--map retired_state=gone: the current procedure has no state \"gone\"; expected one of open, review, done")) {
            try engine.migration(of: snapshot, stateMap: ["retired_state": "gone"])
        }
    }

    @Test func migrationRecomputesPendingDeadlinesAndRecordsTheReason() throws {
        let old = TransitionEngine(workflow: SampleWorkflow.definition(), procedure: "old")
        var snapshot = try old.transition(nil, SampleWorkflow.request("start", data: ["born": "1990-01-01"])).snapshot
        snapshot = try old.transition(snapshot, SampleWorkflow.request("review", data: SampleWorkflow.reviewData)).snapshot
        var definition = SampleWorkflow.definition()
        definition.clocks = [ClockDefinition(name: "period", rule: .elapsed(hours: 24), startedBy: ["review"])]
        let new = TransitionEngine(workflow: definition, procedure: "new")
        let transition = try new.migrate(
            snapshot, at: SampleWorkflow.at("2026-05-01T12:00:00Z"), actor: Actor(id: "ADM", role: "administrator"), reason: "shorter period")
        #expect(transition.event == "migrate_procedure")
        #expect(transition.snapshot.procedure == "new")
        #expect(transition.snapshot.deadline("period")?.due == SampleWorkflow.at("2026-05-02T10:00:00Z"))
        #expect(transition.data["reason"] == "shorter period")
        #expect(transition.data["from_procedure"] == "old")
    }
}

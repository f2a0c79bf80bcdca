import Foundation
import Ledger
import PropertyBased
import Testing
import WorkflowCore

/// A snapshot's text written field by field (`CaseSnapshot.canonicalText`) is byte for byte the
/// canonical JSON of its value: the stored case, and what `verify` compares a replay against, must
/// not change when the writer gets faster.
@Suite("Canonical snapshot")
struct CanonicalSnapshotTests {
    /// Written out by hand: every optional field of the case and of a deadline present.
    @Test func aFixedSnapshotEncodesAsBefore() throws {
        var deadline = Deadline(
            clock: "hearing", startedAt: try #require(Instant.parse("2026-05-23T09:00:00Z")),
            due: try #require(Instant.parse("2026-05-25T09:00:00Z")), status: .missed,
            settledAt: Instant.parse("2026-05-25T09:00:00Z"), settledBy: "tick", tableVersion: "t1", cappedBy: "s27")
        deadline.decision = "no further action"
        deadline.decidedAt = Instant.parse("2026-05-26T10:30:00.25Z")
        deadline.recordedOnly = true
        var snapshot = CaseSnapshot(
            id: "C1", workflow: "dvpo", force: "essex", state: "notice_in_force",
            data: ["note": .string("a \"quoted\" line\n"), "days": .integer(14)], deadlines: [deadline, deadline], version: 3,
            procedure: "abc", openedAt: try #require(Instant.parse("2026-05-23T08:00:00Z")),
            updatedAt: try #require(Instant.parse("2026-05-26T10:30:00Z")))
        snapshot.plugins = ["essex 1.0"]
        snapshot.dataRule = .declaredOnly
        let deadlineText =
            #"{"cappedBy":"s27","clock":"hearing","decidedAt":"2026-05-26T10:30:00.250Z","decision":"no further action","due":"2026-05-25T09:00:00.000Z","recordedOnly":true,"settledAt":"2026-05-25T09:00:00.000Z","settledBy":"tick","startedAt":"2026-05-23T09:00:00.000Z","status":"missed","tableVersion":"t1"}"#
        let text =
            #"{"data":{"days":14,"note":"a \"quoted\" line\n"},"dataRule":"declared_only","deadlines":["#
            + deadlineText + "," + deadlineText
            + #"],"force":"essex","id":"C1","openedAt":"2026-05-23T08:00:00.000Z","plugins":["essex 1.0"],"procedure":"abc","state":"notice_in_force","stateChangedAt":"2026-05-23T08:00:00.000Z","updatedAt":"2026-05-26T10:30:00.000Z","version":3,"workflow":"dvpo"}"#
        #expect(snapshot.canonicalText == text)
        #expect(CanonicalJSON.text(snapshot.canonicalValue) == text)
    }

    @Test func everySnapshotEncodesAsItsCanonicalValue() async {
        let text = CanonicalJSONProperties.text
        let optional = zip(Gen<Bool>.bool, text).map { present, text in present ? text : nil }
        let instants = Gen<Int>.int(in: 0...4_000_000_000_000).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        let optionalInstant = zip(Gen<Bool>.bool, instants).map { present, instant in present ? instant : nil }
        let data = zip(text, CanonicalJSONProperties.values).array(of: 0...4).map { Dictionary($0, uniquingKeysWith: { first, _ in first }) }
        let statuses: [Deadline.Status] = [.pending, .met, .missed, .stopped]
        let deadlines = zip(
            zip(text, instants, instants, Gen<Int>.int(in: 0...3)),
            zip(optionalInstant, optional, optional, optional),
            zip(optional, optionalInstant, Gen<Bool>.bool)
        ).map { basics, settled, decided in
            var deadline = Deadline(
                clock: basics.0, startedAt: basics.1, due: basics.2, status: statuses[basics.3], settledAt: settled.0,
                settledBy: settled.1, tableVersion: settled.2, cappedBy: settled.3)
            (deadline.decision, deadline.decidedAt, deadline.recordedOnly) = decided
            return deadline
        }
        let rules: [CaseDataRule?] = [nil, .mergedWhole, .declaredOnly]
        let snapshots = zip(
            zip(text, text, text, text, Gen<Int>.int(in: 0...1_000_000)),
            zip(data, deadlines.array(of: 0...3), instants, instants, optionalInstant),
            zip(Gen<Bool>.bool, text.array(of: 0...2), Gen<Int>.int(in: 0...2))
        ).map { names, contents, extras in
            var snapshot = CaseSnapshot(
                id: names.0, workflow: names.1, force: names.2, state: names.3, data: contents.0, deadlines: contents.1,
                version: names.4, procedure: names.1 + names.3, openedAt: contents.2, updatedAt: contents.3)
            snapshot.stateChangedAt = contents.4
            snapshot.plugins = extras.0 ? extras.1 : nil
            snapshot.dataRule = rules[extras.2]
            return snapshot
        }
        await propertyCheck(count: 500, input: snapshots) { snapshot in
            #expect(snapshot.canonicalText == CanonicalJSON.text(snapshot.canonicalValue))
        }
    }
}

import Foundation
import WorkflowCore

/// Cases, events and transitions as JSON values (instants in Europe/London with their offset)
/// and as text for a terminal.
public enum Rendering {
    public static func json(_ value: Value) -> String {
        DocumentEncoder.json(value)
    }

    public static func instant(_ date: Date?) -> Value { date.map { .string(Instant.format($0)) } ?? .null }

    public static func caseValue(_ snapshot: CaseSnapshot) -> Value {
        .object([
            "id": .string(snapshot.id), "workflow": .string(snapshot.workflow), "force": .string(snapshot.force),
            "state": .string(snapshot.state), "data": .object(snapshot.data),
            "deadlines": .array(snapshot.deadlines.map(deadlineValue)), "version": .integer(snapshot.version),
            "procedure": .string(snapshot.procedure), "opened_at": instant(snapshot.openedAt),
            "plugins": .array((snapshot.plugins ?? []).map(Value.string)),
            "updated_at": instant(snapshot.updatedAt),
        ])
    }

    public static func deadlineValue(_ deadline: Deadline) -> Value {
        .object([
            "clock": .string(deadline.clock), "started_at": instant(deadline.startedAt), "due": instant(deadline.due),
            "status": .string(deadline.status.rawValue), "settled_at": instant(deadline.settledAt),
            "settled_by": deadline.settledBy.map(Value.string) ?? .null,
            "table_version": deadline.tableVersion.map(Value.string) ?? .null,
            "capped_by": deadline.cappedBy.map(Value.string) ?? .null,
            "needs_decision": .bool(deadline.needsDecision),
            "decision": deadline.decision.map(Value.string) ?? .null, "decided_at": instant(deadline.decidedAt),
        ])
    }

    public static func eventValue(_ event: RecordedEvent) -> Value {
        .object([
            "sequence": .integer(event.sequence), "case": .string(event.caseID), "event": .string(event.event),
            "id": event.eventID.map(Value.string) ?? .null, "from": event.from.map(Value.string) ?? .null,
            "to": .string(event.to), "at": instant(event.at), "recorded_at": instant(event.recordedAt),
            "actor": .object(actorFields(event.actor)),
            "data": .object(event.data), "changes": .object(event.changes),
            "guards": .array(event.guardsPassed.map(Value.string)), "procedure": .string(event.procedure),
        ])
    }

    /// `C1  authorise_notice  incident → notice_authorised  (event 2 at 2026-01-06T01:30:00Z by SUP77, superintendent)`
    public static func transitionLine(_ event: RecordedEvent) -> String {
        let move = event.from.map { $0 == event.to ? "stays \(event.to)" : "\($0) → \(event.to)" } ?? "opened → \(event.to)"
        return
            "\(event.caseID)  \(event.event)  \(move)  (event \(event.sequence) at \(Instant.format(event.at)) by \(event.actor.id), \(event.actor.role)\(authentication(event.actor)))"
    }

    /// A value for a terminal: text as it is, except instants recorded in UTC, which are shown
    /// in Europe/London time.
    public static func text(_ value: Value) -> String {
        switch value {
        case .string(let s):
            if s.utf8.count == 24, s.hasSuffix("Z"), let date = Instant.parse(s) { Instant.format(date) } else { s }
        case .null: "null"
        default: json(value)
        }
    }

    /// The actor's id and role, and how they were known where the store keeps a staff register.
    static func actorFields(_ actor: Actor) -> [String: Value] {
        var fields: [String: Value] = ["id": .string(actor.id), "role": .string(actor.role)]
        fields["authentication"] = actor.authentication.map(Value.string)
        fields["registerVersion"] = actor.registerVersion.map(Value.string)
        return fields
    }

    /// `; token, essex#3` after the role, when the actor was authenticated.
    static func authentication(_ actor: Actor) -> String {
        guard let method = actor.authentication else { return "" }
        return "; " + method + (actor.registerVersion.map { ", " + $0 } ?? "")
    }
}

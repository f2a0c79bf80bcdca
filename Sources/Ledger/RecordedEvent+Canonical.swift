import Foundation
import WorkflowCore

/// The one stored form of an event: what the chain hashes, whatever the backend.
extension RecordedEvent {
    public var canonicalValue: Value {
        var object: [String: Value] = [
            "sequence": .integer(sequence), "caseID": .string(caseID), "event": .string(event), "to": .string(to),
            "at": .string(Instant.formatUTC(at)), "recordedAt": .string(Instant.formatUTC(recordedAt)),
            "actor": .object(actor.canonicalFields),
            "data": .object(data), "changes": .object(changes), "guardsPassed": .array(guardsPassed.map(Value.string)),
            "procedure": .string(procedure), "engineVersion": .string(engineVersion),
        ]
        object["eventID"] = eventID.map(Value.string)
        object["from"] = from.map(Value.string)
        object["tableVersion"] = tableVersion.map(Value.string)
        return .object(object)
    }

    public init(canonical value: Value) throws(WorkflowError) {
        let fields = try CanonicalFields(value, what: "a stored event")
        let actor = try CanonicalFields(.object(try fields.object("actor")), what: "a stored event's actor")
        self.init(
            sequence: try fields.integer("sequence"), caseID: try fields.string("caseID"), event: try fields.string("event"),
            eventID: try fields.optionalString("eventID"), from: try fields.optionalString("from"), to: try fields.string("to"),
            at: try fields.instant("at"), recordedAt: try fields.instant("recordedAt"),
            actor: Actor(
                id: try actor.string("id"), role: try actor.string("role"), authentication: try actor.optionalString("authentication"),
                registerVersion: try actor.optionalString("registerVersion")),
            data: try fields.object("data"), changes: try fields.object("changes"), guardsPassed: try fields.strings("guardsPassed"),
            procedure: try fields.string("procedure"), tableVersion: try fields.optionalString("tableVersion"),
            engineVersion: try fields.string("engineVersion"))
    }
}

extension Actor {
    /// The actor's stored fields; how they were authenticated only when they were, so events
    /// recorded without a register hash as they always did.
    var canonicalFields: [String: Value] {
        var fields: [String: Value] = ["id": .string(id), "role": .string(role)]
        fields["authentication"] = authentication.map(Value.string)
        fields["registerVersion"] = registerVersion.map(Value.string)
        return fields
    }
}

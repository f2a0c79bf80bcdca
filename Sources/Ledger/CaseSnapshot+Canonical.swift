import Foundation
import WorkflowCore

/// The one stored form of a case snapshot, written and read here side by side: the text every
/// store keeps and `verify` compares a replay against.
extension CaseSnapshot {
    public var canonicalValue: Value {
        var object: [String: Value] = [
            "id": .string(id), "workflow": .string(workflow), "force": .string(force), "state": .string(state),
            "data": .object(data), "version": .integer(version), "procedure": .string(procedure),
            "openedAt": .string(Instant.formatUTC(openedAt)), "updatedAt": .string(Instant.formatUTC(updatedAt)),
            "deadlines": .array(deadlines.map(\.canonicalValue)),
        ]
        object["plugins"] = plugins.map { .array($0.map(Value.string)) }
        object["stateChangedAt"] = stateChangedAt.map { .string(Instant.formatUTC($0)) }
        // Absent in cases opened by engine 0.1, so their stored form is unchanged.
        object["dataRule"] = dataRule.map { .string($0.rawValue) }
        return .object(object)
    }

    /// The canonical JSON text of the snapshot: `CanonicalJSON.text(canonicalValue)`, written
    /// directly (`CanonicalSnapshot`).
    public var canonicalText: String { CanonicalSnapshot.text(self) }

    public init(canonical value: Value) throws(WorkflowError) {
        let fields = try CanonicalFields(value, what: "a stored case")
        self.init(
            id: try fields.string("id"), workflow: try fields.string("workflow"), force: try fields.string("force"),
            state: try fields.string("state"), data: try fields.object("data"),
            deadlines: try fields.array("deadlines").map { item throws(WorkflowError) in try Deadline(canonical: item) },
            version: try fields.integer("version"), procedure: try fields.string("procedure"),
            openedAt: try fields.instant("openedAt"), updatedAt: try fields.instant("updatedAt"))
        if fields.fields["plugins"] != nil { plugins = try fields.strings("plugins") }
        stateChangedAt = try fields.optionalInstant("stateChangedAt")
        if let rule = try fields.optionalString("dataRule") {
            guard let known = CaseDataRule(rawValue: rule) else {
                throw .storage("a stored case has an unknown dataRule; expected merged_whole or declared_only")
            }
            dataRule = known
        }
    }

    /// A snapshot from its stored text.
    public init(canonicalText text: String) throws(WorkflowError) {
        do {
            try self.init(canonical: try CanonicalJSONReader.value(text))
        } catch let problem as CanonicalJSONReader.Problem {
            throw .storage("a stored case is not valid JSON (\(problem.reason)); expected its stored form")
        } catch {
            throw error as! WorkflowError
        }
    }
}

extension Deadline {
    var canonicalValue: Value {
        var fields: [String: Value] = [
            "clock": .string(clock), "startedAt": .string(Instant.formatUTC(startedAt)),
            "due": .string(Instant.formatUTC(due)), "status": .string(status.rawValue),
        ]
        fields["settledAt"] = settledAt.map { .string(Instant.formatUTC($0)) }
        fields["settledBy"] = settledBy.map(Value.string)
        fields["tableVersion"] = tableVersion.map(Value.string)
        fields["cappedBy"] = cappedBy.map(Value.string)
        fields["decision"] = decision.map(Value.string)
        fields["decidedAt"] = decidedAt.map { .string(Instant.formatUTC($0)) }
        // Written only when set, so deadlines stored before it existed read back unchanged.
        if recordedOnly { fields["recordedOnly"] = .bool(true) }
        return .object(fields)
    }

    init(canonical value: Value) throws(WorkflowError) {
        let fields = try CanonicalFields(value, what: "a stored deadline")
        guard let status = Status(rawValue: try fields.string("status")) else {
            throw .storage("a stored deadline has a malformed status; expected pending, met, missed or stopped")
        }
        self.init(
            clock: try fields.string("clock"), startedAt: try fields.instant("startedAt"), due: try fields.instant("due"),
            status: status, settledAt: try fields.optionalInstant("settledAt"), settledBy: try fields.optionalString("settledBy"),
            tableVersion: try fields.optionalString("tableVersion"), cappedBy: try fields.optionalString("cappedBy"))
        decision = try fields.optionalString("decision")
        decidedAt = try fields.optionalInstant("decidedAt")
        recordedOnly = try fields.optionalBool("recordedOnly") ?? false
    }
}

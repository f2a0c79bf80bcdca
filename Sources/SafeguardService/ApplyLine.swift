import Foundation
import Ledger
import WorkflowCore

/// One line of `safeguard apply`'s JSON Lines input (design.md):
/// `{"id":"E1","case":"C1","workflow":"dvpo","force":"essex","event":"report_incident","at":"…","actor":{"id":"PC1","role":"constable"},"data":{…}}`
///
/// Read strictly: a key given twice, an unknown key or an empty `id` makes the line malformed
/// (most JSON readers silently keep one of two values; a legal record cannot guess which).
public enum ApplyLine {
    static let expected = #"expected {"case":…,"event":…,"at":…,"actor":{"id":…,"role":…}} with optional "id", "workflow", "force" and "data""#
    static let keys: Set<String> = ["id", "case", "workflow", "force", "event", "at", "actor", "data"]

    /// The line as a request, or why it is malformed (one line, never the line's content).
    public static func request(from bytes: Data) -> Result<TransitionRequest, WorkflowError> {
        let object: [String: Value]
        do {
            guard case .object(let fields) = try CanonicalJSONReader.value(Array(bytes)) else {
                return .failure(.badInput("not a JSON object; \(expected)"))
            }
            object = fields
        } catch let problem {
            if problem.reason.hasPrefix("the key") { return .failure(.badInput("\(problem.reason); expected each key once")) }
            return .failure(.badInput("not valid JSON (or not UTF-8); \(expected)"))
        }
        if let unknown = object.keys.filter({ !keys.contains($0) }).sorted().first {
            return .failure(.badInput("unknown key \"\(unknown.prefix(40))\"; \(expected)"))
        }
        func text(_ key: String, in fields: [String: Value], path: String? = nil) throws(WorkflowError) -> String? {
            switch fields[key] {
            case nil: return nil
            case .string(let value)?: return value
            default: throw .badInput("\"\(path ?? key)\" has the wrong type; \(expected)")
            }
        }
        func required(_ key: String, in fields: [String: Value], path: String? = nil) throws(WorkflowError) -> String {
            guard let value = try text(key, in: fields, path: path) else { throw .badInput("missing \"\(path ?? key)\"; \(expected)") }
            return value
        }
        do throws(WorkflowError) {
            let caseID = try required("case", in: object)
            let event = try required("event", in: object)
            let atText = try required("at", in: object)
            guard let actorValue = object["actor"] else { throw .badInput("missing \"actor\"; \(expected)") }
            guard case .object(let actor) = actorValue else { throw .badInput("\"actor\" has the wrong type; \(expected)") }
            if let unknown = actor.keys.filter({ $0 != "id" && $0 != "role" }).sorted().first {
                throw .badInput("unknown key \"actor.\(unknown.prefix(40))\"; \(expected)")
            }
            let actorID = try required("id", in: actor, path: "actor.id")
            let role = try required("role", in: actor, path: "actor.role")
            var data: [String: Value] = [:]
            switch object["data"] {
            case nil, .null?: break
            case .object(let fields)?: data = fields
            default: throw .badInput("\"data\" has the wrong type; \(expected)")
            }
            let eventID = try text("id", in: object)
            if eventID == "" { throw .badInput("\"id\" is empty; expected a non-empty event id, or no \"id\"") }
            guard let at = Instant.parse(atText) else { throw .malformedTime(atText, field: "\"at\"") }
            guard role != Actor.engineClock.role else {
                throw .badInput("role engine is reserved for safeguard tick; expected a rank or a staff role")
            }
            return .success(
                TransitionRequest(
                    caseID: caseID, event: event, at: at, actor: Actor(id: actorID, role: role), data: data, eventID: eventID,
                    workflow: try text("workflow", in: object), force: try text("force", in: object)))
        } catch {
            return .failure(error)
        }
    }
}

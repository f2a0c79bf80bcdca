import Foundation
import WorkflowCore

/// One line of `safeguard apply`'s JSON Lines input (design.md):
/// `{"id":"E1","case":"C1","workflow":"dvpo","force":"essex","event":"report_incident","at":"…","actor":{"id":"PC1","role":"constable"},"data":{…}}`
public struct ApplyLine: Decodable {
    struct ActorField: Decodable {
        var id: String
        var role: String
    }

    var id: String?
    var `case`: String
    var workflow: String?
    var force: String?
    var event: String
    var at: String
    var actor: ActorField
    var data: [String: Value]?

    static let expected = #"expected {"case":…,"event":…,"at":…,"actor":{"id":…,"role":…}} with optional "id", "workflow", "force" and "data""#

    /// The line as a request, or why it is malformed (one line, never the line's content).
    public static func request(from bytes: Data, decoder: JSONDecoder) -> Result<TransitionRequest, WorkflowError> {
        let line: ApplyLine
        do {
            line = try decoder.decode(ApplyLine.self, from: bytes)
        } catch let error as DecodingError {
            return .failure(.badInput(describe(error)))
        } catch {
            return .failure(.badInput("not valid JSON; \(expected)"))
        }
        guard let at = Instant.parse(line.at) else { return .failure(.malformedTime(line.at, field: "\"at\"")) }
        guard line.actor.role != Actor.engineClock.role else {
            return .failure(.badInput("role engine is reserved for safeguard tick; expected a rank or a staff role"))
        }
        return .success(TransitionRequest(
            caseID: line.case, event: line.event, at: at, actor: Actor(id: line.actor.id, role: line.actor.role),
            data: line.data ?? [:], eventID: line.id, workflow: line.workflow, force: line.force))
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ key: CodingKey? = nil) -> String {
            (context.codingPath + (key.map { [$0] } ?? [])).map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(path(context, key))\"; \(expected)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\"\(path(context))\" has the wrong type; \(expected)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON (or not UTF-8); \(expected)" : "\"\(path(context))\" is not valid; \(expected)"
        @unknown default: return "not a transition; \(expected)"
        }
    }
}

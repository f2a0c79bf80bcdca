import Foundation
import HTTPTypes
import Hummingbird
import Ledger
import SafeguardService
import WorkflowCore

/// A request's JSON object, read strictly: keys it does not know are refused, each field must be
/// of its type, and errors name the field and what was expected, never the value sent.
struct JSONBody {
    private var fields: [String: Value]

    init(_ request: Request, limit: Int, allowed: Set<String>) async throws {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard mediaType == "application/json" else {
            throw Problem(
                status: .unsupportedMediaType, kind: "bad input",
                detail: "the request body is \(mediaType.map { JSONBody.short($0) } ?? "of no declared type"); expected Content-Type: application/json")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Problem(status: .contentTooLarge, kind: "bad input", detail: "the request body is larger than \(limit) bytes; expected a smaller JSON object")
        }
        // The strict reader the apply lines use: a duplicate key is refused, never resolved silently.
        let parsed: Value
        do throws(CanonicalJSONReader.Problem) {
            parsed = try CanonicalJSONReader.value(Array(buffer.readableBytesView))
        } catch {
            throw Problem(WorkflowError.badInput("the request body is not JSON (\(error.description)); expected {\(allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", "))}"))
        }
        guard let object = parsed.objectValue else {
            throw Problem(WorkflowError.badInput("the request body is not a JSON object; expected {\(allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", "))}"))
        }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(WorkflowError.badInput("unknown field \"\(Self.short(unknown))\" in the request body; expected only \(allowed.sorted().joined(separator: ", "))"))
        }
        fields = object
    }

    /// Whether the body gives the field (not null).
    func has(_ name: String) -> Bool { fields[name].map { $0 != .null } ?? false }

    func string(_ name: String) throws(WorkflowError) -> String? {
        guard let value = fields[name], value != .null else { return nil }
        guard let text = value.stringValue else { throw .badInput("\(name) is \(value.kindName); expected text") }
        return text
    }

    func instant(_ name: String, default now: Date) throws(WorkflowError) -> Date {
        guard let text = try string(name) else { return now }
        guard let date = Instant.parse(text) else { throw .malformedTime(text, field: name) }
        return date
    }

    func object(_ name: String) throws(WorkflowError) -> [String: Value] {
        guard let value = fields[name], value != .null else { return [:] }
        guard let object = value.objectValue else { throw .badInput("\(name) is \(value.kindName); expected an object of field names to values") }
        return object
    }

    static func short(_ text: String) -> String { text.count <= 40 ? text : String(text.prefix(40)) + "…" }
}

import Foundation
import Hummingbird
import SafeguardService
import WorkflowCore

/// An error as an RFC 9457 problem details document (`application/problem+json`):
/// `{"type","title","status","detail","instance","kind"}` and, for a script error, `location`
/// (`Workflows/dvpo.lua:42`). Its kind is the command line's: bad input 400 (a case that does not
/// exist 404), refused by the procedure 422, storage conflict 409, script error 500, storage error
/// 503; and for the server's own edges, unauthorised 401, forbidden 403 (another force, not an
/// administrator), too many bad tokens 429. Another force's case is 404, as an unknown one.
public struct Problem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var kind: String
    public var detail: String
    public var location: String?
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, kind: String, detail: String, location: String? = nil) {
        self.status = status
        self.kind = kind
        self.detail = detail
        self.location = location
    }

    /// The problem a `WorkflowError` is, with the same kinds as the exit codes.
    public init(_ error: WorkflowError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .badInput: error.reason.hasPrefix("unknown case ") ? .notFound : .badRequest
            case .refused: .unprocessableContent
            case .conflict: .conflict
            case .script: .internalServerError
            case .storage: .serviceUnavailable
            }
        // A script's own message may quote case data (a plugin's `error("born " .. dob)`): the
        // client gets only where the script failed, and the server's log the same.
        let detail = error.kind == .script ? Self.scriptFailure(error.location) : error.message
        self.init(status: status, kind: error.kind.rawValue, detail: detail, location: error.location?.description)
    }

    static func scriptFailure(_ location: SourceLocation?) -> String {
        "a script failed\(location.map { " at \($0)" } ?? ""); expected the scripts to run (the server's log has the location; run 'safeguard check' and the case's events at the command line for the script's message)"
    }

    public static func unauthorised(_ detail: String) -> Problem {
        var problem = Problem(status: .unauthorized, kind: "unauthorised", detail: detail)
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"safeguard\""
        return problem
    }

    /// The person is known but may not do this (another force, not an administrator): 403.
    public static func forbidden(_ detail: String) -> Problem { Problem(status: .forbidden, kind: "forbidden", detail: detail) }

    public static func notFound(_ detail: String) -> Problem { Problem(status: .notFound, kind: "bad input", detail: detail) }

    /// `https://safeguard.invalid/problems/refused`: a stable identifier per kind.
    public var type: String { "urn:safeguard:problem:" + kind.replacingOccurrences(of: " ", with: "-") }

    public var document: Value {
        var fields: [String: Value] = [
            "type": .string(type), "title": .string(title), "status": .integer(status.code), "detail": .string(detail),
            "kind": .string(kind),
        ]
        if let location { fields["location"] = .string(location) }
        return .object(fields)
    }

    var title: String {
        switch kind {
        case "refused": "Refused by the procedure"
        case "bad input": status == .notFound ? "Not found" : "Bad input"
        case "storage conflict": "Storage conflict"
        case "script error": "Script error"
        case "storage error": "Storage error"
        case "unauthorised": "Unauthorised"
        case "locked out": "Too many bad tokens"
        case "forbidden": "Forbidden"
        default: status.reasonPhrase
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        var document = document
        if case .object(var object) = document {
            object["instance"] = .string(request.uri.path)
            document = .object(object)
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: DocumentEncoder.json(document) + "\n")))
    }
}

import WorkflowCore

/// A failure as a document: its kind (`refused`, `bad input`, …), its one-line message (which
/// never holds personal data), what was expected, the exit code and, for a script error, where.
/// The command line prints it as one line on standard error, or under `--json` as one object:
///
///     {"exit_code":2,"expected":"an ISO 8601 time …","kind":"bad input","message":"malformed time …"}
public struct ErrorDocument: Encodable {
    public var kind: String
    public var message: String
    /// The part of the message after its last `; expected `, when it has one.
    public var expected: String?
    public var exitCode: Int32
    /// `file:line` of the script the error is in, for script errors that have one.
    public var location: String?

    public init(_ error: WorkflowError, exitCode: Int32 = 0) {
        kind = error.kind.rawValue
        message = error.message
        self.exitCode = exitCode
        if let range = error.reason.range(of: "; expected ", options: .backwards) {
            expected = String(error.reason[range.upperBound...])
        }
        location = error.location?.description
        if location == nil, error.kind == .script, let found = Self.leadingLocation(error.reason) { location = found }
    }

    /// `refused: …`, as the command line reports it after `safeguard: `.
    public var line: String { "\(kind): \(message)" }

    /// The document as one line of JSON, keys sorted, absent parts left out.
    public var json: String { DocumentEncoder.json(self) }

    enum CodingKeys: String, CodingKey {
        case kind, message, expected, location
        case exitCode = "exit_code"
    }

    /// `Workflows/dvpo.lua:12` at the start of a reason written as `file:line: …`.
    static func leadingLocation(_ reason: String) -> String? {
        let head = reason.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        guard head.hasSuffix(":") else { return nil }
        let candidate = String(head.dropLast())
        guard let colon = candidate.lastIndex(of: ":"), Int(candidate[candidate.index(after: colon)...]) != nil,
            candidate[..<colon].hasSuffix(".lua") || candidate[..<colon].hasSuffix(".json")
        else { return nil }
        return candidate
    }
}

import WorkflowCore

/// A failure as a document: its kind (`refused`, `bad input`, …), its one-line message (which
/// never holds personal data), what was expected, the exit code and, for a script error, where.
/// The command line prints it as one line on standard error, or under `--json` as one object:
///
///     {"exit_code":2,"expected":"an ISO 8601 time …","kind":"bad input","message":"malformed time …"}
public struct ErrorDocument: Encodable {
    public var kind: String
    public var message: String
    /// What was expected: the part of the message after its last `; expected `; for a message
    /// written without one, what it names as allowed (`allowed there: …`) or the form a value
    /// must take (`must be a date YYYY-MM-DD; got text`); else what each kind of failure asks for.
    public var expected: String
    public var exitCode: Int32
    /// `file:line` of the script the error is in, for script errors that have one.
    public var location: String?

    public init(_ error: WorkflowError, exitCode: Int32 = 0) {
        kind = error.kind.rawValue
        message = error.message
        self.exitCode = exitCode
        expected = Self.expected(in: error.reason, kind: error.kind)
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

    /// What `reason` says was expected; see `expected`.
    static func expected(in reason: String, kind: WorkflowError.Kind) -> String {
        if let range = reason.range(of: "; expected ", options: .backwards) {
            return String(reason[range.upperBound...])
        }
        if let range = reason.range(of: "; allowed there: ", options: .backwards) {
            let allowed = reason[range.upperBound...]
            return allowed.isEmpty ? "no further events in this state" : "one of the events allowed there: \(allowed)"
        }
        if let got = reason.range(of: "; got ", options: .backwards), let must = reason.range(of: " must be ", options: .backwards, range: reason.startIndex..<got.lowerBound) {
            return String(reason[must.upperBound..<got.lowerBound])
        }
        switch kind {
        case .refused: return "a request the procedure allows ('safeguard fire CASE EVENT --explain' shows each check)"
        case .badInput: return "the input as 'safeguard help' describes it for this command"
        case .script: return "scripts that load and run ('safeguard check' lists every problem with its file:line)"
        case .conflict: return "to run the command again once the other writer has finished"
        case .storage: return "a database that can be opened, read and written"
        }
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

import WorkflowCore

/// A failure as a document: its kind (`refused`, `bad input`, …) and its one-line message, which
/// never holds personal data. The command line prints it as one line on standard error.
public struct ErrorDocument: Encodable {
    public var kind: String
    public var message: String

    public init(_ error: WorkflowError) {
        kind = error.kind.rawValue
        message = error.message
    }

    /// `refused: …`, as the command line reports it after `safeguard: `.
    public var line: String { "\(kind): \(message)" }
}

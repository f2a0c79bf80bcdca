/// Why something was not done, as one line an officer or administrator can act on:
/// what was wrong and what was expected. Never carries personal data.
public struct WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; each has its own exit code on the command line.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The procedure said no: wrong state, rank too low, a guard refused.
        case refused
        /// The request itself is wrong: unknown case or event, missing or ill-typed data, bad time.
        case badInput = "bad input"
        /// A script failed to load or run.
        case script = "script error"
        /// Another writer got there first, or the database is locked.
        case conflict = "storage conflict"
        /// The database could not be read or written.
        case storage = "storage error"
    }

    public var kind: Kind
    /// Where in the scripts the problem is, when it is in one: `Workflows/dvpo.lua:42`.
    public var location: SourceLocation?
    /// What was wrong and what was expected, without the location.
    public var reason: String

    /// The whole line as it is printed: `location: reason`, or the reason alone. Setting it
    /// sets a reason with no location.
    public var message: String {
        get { location.map { "\($0): \(reason)" } ?? reason }
        set {
            location = nil
            reason = newValue
        }
    }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.reason = message
    }

    /// An error in a script, or a piece of one, at `location`.
    public init(_ kind: Kind, _ reason: String, at location: SourceLocation?) {
        self.kind = kind
        self.reason = reason
        self.location = location
    }

    public var description: String { message }

    /// Two errors are the same when they are of one kind and print the same line, whether the
    /// location came as a field or was written into the text.
    public static func == (a: WorkflowError, b: WorkflowError) -> Bool {
        a.kind == b.kind && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(message)
    }
}

extension WorkflowError {
    public static func refused(_ message: String) -> WorkflowError { WorkflowError(.refused, message) }
    public static func badInput(_ message: String) -> WorkflowError { WorkflowError(.badInput, message) }
    public static func script(_ message: String) -> WorkflowError { WorkflowError(.script, message) }
    public static func script(_ reason: String, at location: SourceLocation?) -> WorkflowError {
        WorkflowError(.script, reason, at: location)
    }
    /// A script failure, with its location when it has one.
    public static func script(_ failure: ScriptFailure) -> WorkflowError {
        WorkflowError(.script, failure.reason, at: failure.location)
    }
    public static func conflict(_ message: String) -> WorkflowError { WorkflowError(.conflict, message) }
    public static func storage(_ message: String) -> WorkflowError { WorkflowError(.storage, message) }

    public static func unknownCase(_ id: String) -> WorkflowError {
        .badInput("unknown case \"\(id)\"; expected the id of an existing case (see 'safeguard list')")
    }

    /// A request carrying an event id whose first attempt was refused: the same id is refused the
    /// same way, so running a batch again gives what its first run gave.
    public static func refusedBefore(eventID: String, reason: String) -> WorkflowError {
        .refused("event id \(eventID) was refused when first tried: \(reason); expected a new event id for a new attempt")
    }

    public static func caseExists(_ id: String) -> WorkflowError {
        .badInput("case \"\(id)\" already exists; expected a new case id")
    }

    /// A time that could not be read. The text is echoed only when it is short and made of the
    /// characters a time is written with, so free text typed in the wrong place is never repeated.
    public static func malformedTime(_ text: String, field: String) -> WorkflowError {
        let echo = Self.timeLike(text) ? "\"\(text)\" " : ""
        if Instant.isOutOfRange(text) {
            return .badInput("time \(echo)for \(field) is outside the supported range; expected an instant from \(Instant.supportedRange)")
        }
        return .badInput("malformed time \(echo)for \(field); expected \(Instant.expected)")
    }

    /// Echoed only when it has a time of day in it: a date alone (`1990-01-01`) may be a date of
    /// birth typed in the wrong place.
    static func timeLike(_ text: String) -> Bool {
        text.count <= 35 && (text.contains("T") || text.contains("t"))
            && text.unicodeScalars.allSatisfy { "0123456789-+:.TZtz ".unicodeScalars.contains($0) }
    }
}

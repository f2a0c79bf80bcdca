import Foundation

/// The rule for every id a person or system gives (case, event, actor): kept in Unicode NFC, so
/// two encodings of the same-looking id (`é` as one code point, or `e` and a combining accent) are
/// one id everywhere — in every map, cache and query — and never empty, over 200 characters or
/// holding a control character (a NUL would be cut off by C libraries and the record silently
/// changed).
public enum Identifier {
    public static let maximumLength = 200

    /// The id in the form it is kept in.
    public static func normalized(_ id: String) -> String {
        id.utf8.allSatisfy({ $0 < 0x80 }) ? id : id.precomposedStringWithCanonicalMapping
    }

    /// Why `id` cannot be used as the `what` (e.g. "case id"), or nil if it can. The id itself is
    /// not echoed: it may hold anything.
    public static func problem(_ id: String, what: String) -> WorkflowError? {
        // Printable ASCII, not starting or ending with a space, within the length: every rule holds
        // (the common case, checked on every transition without Unicode tables).
        let bytes = id.utf8
        if (1...maximumLength).contains(bytes.count), bytes.first != 0x20, bytes.last != 0x20, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return nil
        }
        return unicodeProblem(id, what: what)
    }

    /// The rule for any id, through Unicode's tables (`problem` checks printable ASCII without them).
    static func unicodeProblem(_ id: String, what: String) -> WorkflowError? {
        if id.isEmpty { return .badInput("\(what) is empty; expected at least one character") }
        if id.count > maximumLength { return .badInput("\(what) is \(id.count) characters long; expected at most \(maximumLength)") }
        if id.first?.isWhitespace == true || id.last?.isWhitespace == true {
            return .badInput("\(what) begins or ends with a space; expected the id without it")
        }
        let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        if let control = id.unicodeScalars.first(where: { invisible.contains($0.properties.generalCategory) }) {
            let code = String(control.value, radix: 16, uppercase: true)
            return .badInput("\(what) holds a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)); expected printable text")
        }
        return nil
    }
}

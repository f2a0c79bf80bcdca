/// Where a piece of a procedure came from: a script path relative to the scripts folder, and a line.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `Workflows/dvpo.lua:42`
    public var description: String { "\(file):\(line)" }

    /// Splits a message that starts with `path:line: ` into that prefix and the rest. Lua reports
    /// its errors as such text; the interpreter splits them once, where they enter Swift, and
    /// everything after carries the location as a field.
    public static func leading(in message: String) -> (location: String, rest: String)? {
        guard let firstColon = message.firstIndex(of: ":") else { return nil }
        let digits = message[message.index(after: firstColon)...].prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.endIndex < message.endIndex, message[digits.endIndex] == ":" else { return nil }
        let rest = message[message.index(after: digits.endIndex)...].drop { $0 == " " }
        return (String(message[..<digits.endIndex]), String(rest))
    }

    /// A Lua error message split into the location it starts with and the rest, or nil when it
    /// does not start with `path:line: `.
    public static func split(_ message: String) -> (location: SourceLocation, rest: String)? {
        guard let (prefix, rest) = leading(in: message), let colon = prefix.lastIndex(of: ":"),
            let line = Int(prefix[prefix.index(after: colon)...])
        else { return nil }
        return (SourceLocation(file: String(prefix[..<colon]), line: line), rest)
    }

    /// For definitions built in Swift (tests, defaults) rather than by a script.
    public static let builtIn = SourceLocation(file: "<built-in>", line: 0)
}

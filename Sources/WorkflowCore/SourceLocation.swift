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

    /// Splits a message that starts with `path:line: ` into that prefix and the rest.
    public static func leading(in message: String) -> (location: String, rest: String)? {
        guard let firstColon = message.firstIndex(of: ":") else { return nil }
        let digits = message[message.index(after: firstColon)...].prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.endIndex < message.endIndex, message[digits.endIndex] == ":" else { return nil }
        let rest = message[message.index(after: digits.endIndex)...].drop { $0 == " " }
        return (String(message[..<digits.endIndex]), String(rest))
    }

    /// For definitions built in Swift (tests, defaults) rather than by a script.
    public static let builtIn = SourceLocation(file: "<built-in>", line: 0)
}

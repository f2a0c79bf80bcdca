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

    /// For definitions built in Swift (tests, defaults) rather than by a script.
    public static let builtIn = SourceLocation(file: "<built-in>", line: 0)
}

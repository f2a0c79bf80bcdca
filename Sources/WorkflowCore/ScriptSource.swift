/// One script of a procedure: its path relative to the scripts folder, and its text.
public struct ScriptSource: Sendable, Hashable, Codable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

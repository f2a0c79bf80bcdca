import Foundation

// Writes a Swift file holding each Lua file's text as a raw string literal:
//     EmbedLuaTool OUTPUT.swift FILE.lua...
// The literal's delimiter has one `#` more than the longest run of `#` in the text, so no text
// can close it or start an interpolation.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedLuaTool OUTPUT.swift FILE.lua...\n".utf8))
    exit(64)
}

/// The longest run of `#` in `text`.
func longestHashRun(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text.unicodeScalars {
        current = character == "#" ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

var swift = """
    // Generated at build time by EmbedLuaTool from the Lua files in Sources/WorkflowLua/Prelude.
    // Do not edit: edit the .lua files.

    /// The engine prelude's Lua files by name (`sandbox.lua`), as their text.
    enum EmbeddedPrelude {
        static let files: [String: String] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    let hashes = String(repeating: "#", count: longestHashRun(text) + 1)
    swift += "        \"\(url.lastPathComponent)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
swift += "    ]\n}\n"
try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)

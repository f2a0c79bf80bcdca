import Foundation

/// A copy of the shipped scripts in a temporary folder, for tests that edit them.
struct ScriptsCopy {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-scripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    /// A second workflow, with a figure of its own.
    static func otherWorkflow(title: String = "A second workflow") -> String {
        """
        local other = engine.workflow { name = "other", title = "\(title)" }
        other:state("open", "Open")
        other:state("done", "Done", { final = true })
        other:event("begin", { opens = true, to = "open" })
        other:event("finish", { from = "open", to = "done" })
        other:figures { { "finished", count = "finish" } }
        """
    }
}

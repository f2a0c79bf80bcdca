import Foundation
import WorkflowCore

/// A folder holding `Workflows/` and `Plugins/`: the scripts a procedure is made of.
public struct ScriptFolder: Sendable, Hashable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The workflow scripts, `Workflows/*.lua` in name order, with paths relative to the root.
    public func workflowSources() throws(WorkflowError) -> [ScriptSource] {
        let folder = root.appendingPathComponent("Workflows")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .script("no Workflows folder in \(root.path); expected a scripts folder holding Workflows/ and Plugins/")
        }
        var sources: [ScriptSource] = []
        for name in names.sorted() where name.hasSuffix(".lua") && !name.hasPrefix(".") {
            let path = "Workflows/" + name
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                let text = String(data: data, encoding: .utf8)
            else { throw .script("\(path): cannot be read as UTF-8 text") }
            sources.append(ScriptSource(path: path, text: text))
        }
        if sources.isEmpty { throw .script("no .lua files in \(folder.path); expected at least Workflows/dvpo.lua") }
        return sources
    }

    /// The bank-holiday table, `Calendars/england-and-wales.json`, if the folder has one.
    public func calendarSource() throws(WorkflowError) -> ScriptSource? {
        let path = Self.calendarPath
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw .script("\(path): cannot be read as UTF-8 text") }
        return ScriptSource(path: path, text: text)
    }

    public static let calendarPath = "Calendars/england-and-wales.json"

    /// Whether the folder looks like a scripts folder.
    public var exists: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("Workflows").path)
    }
}

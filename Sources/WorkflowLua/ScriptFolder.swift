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
            sources.append(try read("Workflows/" + name))
        }
        if sources.isEmpty { throw .script("no .lua files in \(folder.path); expected at least one workflow script, Workflows/<name>.lua") }
        return sources
    }

    /// The plugin scripts: every `Plugins/<plugin>/*.lua`, folders and files in name order.
    public func pluginSources() throws(WorkflowError) -> [ScriptSource] {
        let manager = FileManager.default
        let folder = root.appendingPathComponent("Plugins")
        guard let plugins = try? manager.contentsOfDirectory(atPath: folder.path) else { return [] }
        var sources: [ScriptSource] = []
        for plugin in plugins.sorted() where !plugin.hasPrefix(".") {
            guard let files = try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(plugin).path) else { continue }
            for name in files.sorted() where name.hasSuffix(".lua") && !name.hasPrefix(".") {
                sources.append(try read("Plugins/\(plugin)/\(name)"))
            }
        }
        return sources
    }

    private func read(_ path: String) throws(WorkflowError) -> ScriptSource {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
            let text = String(data: data, encoding: .utf8)
        else { throw .script("\(path): cannot be read as UTF-8 text") }
        return ScriptSource(path: path, text: text)
    }

    /// The bank-holiday table, `Calendars/england-and-wales.json`, if the folder has one.
    public func calendarSource() throws(WorkflowError) -> ScriptSource? {
        let path = Self.calendarPath
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw .script("\(path): cannot be read as UTF-8 text") }
        return ScriptSource(path: path, text: text)
    }

    public static let calendarPath = "Calendars/england-and-wales.json"

}

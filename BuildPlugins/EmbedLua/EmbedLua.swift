import Foundation
import PackagePlugin

/// Embeds the engine prelude, the `.lua` files in the target's `Prelude/` folder, in the target
/// as one generated Swift file (`EmbeddedPrelude.files`), so the executable carries its Lua with
/// it and needs no resource bundle beside it.
@main
struct EmbedLua: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Prelude")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "lua" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPrelude.swift")
        return [
            .buildCommand(
                displayName: "Embedding the engine prelude (\(files.count) Lua files)",
                executable: try context.tool(named: "EmbedLuaTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

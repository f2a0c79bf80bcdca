import Foundation
import WorkflowCore

/// Finds the scripts folder: the one named on the command line or in the environment, else the
/// scripts shipped with the tool, looked for beside the executable and its parent folders (a
/// build inside the repository finds the repository's), then in the source tree it was built from.
public enum ScriptLocator {
    public static func locate(explicit: String?) throws(WorkflowError) -> URL {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard isScriptFolder(url) else {
                throw .script("no Workflows/ folder in \(explicit); expected a scripts folder holding Workflows/ and Plugins/")
            }
            return url
        }
        for candidate in shippedCandidates() where isScriptFolder(candidate) { return candidate }
        throw .script("cannot find the shipped scripts; expected --scripts DIR or SAFEGUARD_SCRIPTS naming a folder with Workflows/")
    }

    /// A scripts folder is known by its layout: a `Workflows/` folder holding at least one `.lua` file.
    static func isScriptFolder(_ url: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("Workflows").path)) ?? []
        return names.contains { $0.hasSuffix(".lua") && !$0.hasPrefix(".") }
    }

    private static func shippedCandidates() -> [URL] {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(folder)
                candidates.append(folder.appendingPathComponent("share/safeguard"))
                folder = folder.deletingLastPathComponent()
            }
        }
        // Sources/SafeguardService/ScriptLocator.swift → the package root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        return candidates
    }
}

import Foundation

extension Cli {
    /// A copy of the shipped Workflows/, Plugins/ and Calendars/ in this run's folder, for a test
    /// to edit; run commands with `--scripts` and its path.
    func copyOfScripts() throws -> URL {
        let scripts = folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        for name in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(name), to: scripts.appendingPathComponent(name))
        }
        return scripts
    }

    /// Replaces `old` with `new` in a file of a scripts copy; the test fails when `old` is not there.
    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard text.contains(old) else { throw CliError(message: "\(file.lastPathComponent) has no \(old)") }
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}

import ArgumentParser
import SafeguardCommands
import Testing

/// Issue 19: every command names itself. Without a `commandName`, swift-argument-parser derives
/// the name from the type's name (`String(describing:)`), a runtime type lookup per command that
/// made parsing the command line most of a `due` or `fire` (profiled); the names stay those users type.
@Suite("Command names")
struct CommandNameTests {
    static func names(_ command: ParsableCommand.Type, path: String = "") -> [(String, String?)] {
        let name = command.configuration.commandName
        let here = path.isEmpty ? (name ?? "?") : path + " " + (name ?? "?")
        return [(here, name)] + command.configuration.subcommands.flatMap { names($0, path: here) }
    }

    @Test func everyCommandNamesItself() {
        let all = Self.names(Safeguard.self)
        #expect(all.count > 30)
        for (path, name) in all { #expect(name != nil, "\(path) has no commandName") }
        let paths = Set(all.map(\.0))
        for typed in ["safeguard due", "safeguard fire", "safeguard apply", "safeguard verify", "safeguard staff add", "safeguard history", "safeguard list"] {
            #expect(paths.contains(typed), "\(typed) is not a command")
        }
    }
}

import ArgumentParser
import Foundation
import SafeguardService

extension Safeguard {
    /// Runs the command line as `main` does, except that under `--json` a command line that cannot
    /// be parsed or validated is reported as one JSON object on stderr (kind `usage`, exit 64),
    /// like every other failure.
    public static func main(arguments: [String]) {
        guard arguments.contains("--json") else { return main(arguments) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code.rawValue == 64 else { exit(withError: error) }
            let message = usageMessage(for: error, arguments: arguments)
            let document = UsageErrorDocument(message: message)
            FileHandle.standardError.write(Data((DocumentEncoder.json(document) + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

extension Safeguard {
    /// The first line of what the parser says is wrong, as it says it without `--json`: a global
    /// `--json` left where no subcommand took it (`safeguard --json nosuchcmd`) is not the problem.
    static func usageMessage(for error: any Error, arguments: [String]) -> String {
        var failure = error
        let plain = arguments.filter { $0 != "--json" }
        if plain.isEmpty {
            return "Missing subcommand: --json needs a command after it, such as show or fire ('safeguard --help' lists them)"
        }
        do {
            _ = try parseAsRoot(plain)
        } catch {
            if exitCode(for: error).rawValue == 64 { failure = error }
        }
        let message = self.message(for: failure).split(separator: "\n").first.map(String.init) ?? "the command line could not be parsed"
        return message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    }
}

/// A command line that could not be parsed, as `--json` reports it.
struct UsageErrorDocument: Encodable {
    var kind = "usage"
    var message: String
    var expected = "a command line as 'safeguard help COMMAND' describes it"
    var exitCode: Int32 = 64

    enum CodingKeys: String, CodingKey {
        case kind, message, expected
        case exitCode = "exit_code"
    }
}

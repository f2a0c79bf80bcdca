import Foundation
import Testing

/// Under a leading `--json`, a command line that cannot be parsed is reported with the parser's
/// own complaint, not with the `--json` the root command does not take.
@Suite("Golden runs: --json usage errors name the real problem")
struct JSONUsageGoldenTests {
    static func message(_ run: Cli.Run) throws -> String? {
        let document = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any]
        #expect(document?["kind"] as? String == "usage")
        return document?["message"] as? String
    }

    @Test func anUnknownSubcommandIsNamed() throws {
        let cli = Cli()
        for line in ["--json nosuchcmd", "nosuchcmd --json", "--json nosuchcmd --json"] {
            let run = try cli.run(line)
            #expect(run.status == 64)
            #expect(try Self.message(run) == "Unexpected argument 'nosuchcmd'", "\(line)")
        }
    }

    @Test func aMissingSubcommandIsSaid() throws {
        let run = try Cli().run("--json")
        #expect(run.status == 64)
        #expect(try Self.message(run) == "Missing subcommand: --json needs a command after it, such as show or fire ('safeguard --help' lists them)")
    }

    @Test func aSubcommandsOwnErrorIsUnchanged() throws {
        let run = try Cli().run("--json history G1 extra")
        #expect(run.status == 64)
        #expect(try Self.message(run) == "Unexpected argument 'extra'")
    }
}

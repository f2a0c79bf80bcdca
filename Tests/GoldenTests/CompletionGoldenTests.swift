import Foundation
import Testing

/// Shell completion, as the generated script asks for it: forces from the register, events of the
/// procedure, case ids from the database.
@Suite("Golden runs: shell completion")
struct CompletionGoldenTests {
    @Test func completesForcesEventsAndCaseIds() throws {
        let cli = Cli()
        #expect(try cli.run(RecoveryGoldenTests.open).status == 0)
        #expect(try cli.run("---completion open -- --force 3 2 safeguard open --force su").stdout == "suffolk\nsurrey\nsussex\n")
        #expect(try cli.run("---completion fire -- positional@0 2 1 safeguard fire C").stdout == "C1\n")
        #expect(try cli.run("---completion fire -- positional@1 3 3 safeguard fire C1 aut").stdout == "authorise_notice\n")
        #expect(try cli.run("--generate-completion-script bash").stdout.contains("---completion fire -- positional@1"))
    }
}

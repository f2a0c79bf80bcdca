import Foundation
import Testing

/// Global options are taken before the subcommand as after it, with the same output.
@Suite("Golden runs: global options before the subcommand")
struct GlobalOptionsGoldenTests {
    @Test func leadingAndTrailingGlobalOptionsPrintTheSame() throws {
        let cli = Cli()
        let other = cli.folder.appendingPathComponent("other.sqlite").path
        let opened = try cli.run(["--db", other] + Cli.words(LifecycleGoldenTests.opening))
        #expect(opened.status == 0, "\(opened.stderr)")
        for (leading, trailing) in [
            (["--db", other, "show", "C1"], ["show", "C1", "--db", other]),
            (["--db", other, "--json", "show", "C1"], ["show", "C1", "--db", other, "--json"]),
            (["--json", "--db=\(other)", "history", "C1"], ["history", "C1", "--json", "--db=\(other)"]),
        ] {
            let before = try cli.run(leading)
            let after = try cli.run(trailing)
            #expect(before.status == 0, "\(leading): \(before.stderr)")
            #expect(before.stdout == after.stdout)
            #expect(before.stdout.contains("C1"))
        }
        // The default database (SAFEGUARD_DB) was never created: --db was honoured.
        let elsewhere = try cli.run(["show", "C1"])
        #expect(elsewhere.status == 5)
        #expect(elsewhere.stderr.hasPrefix("safeguard: storage error: no database at \(cli.database); "))
    }

    @Test func scriptsBeforeTheSubcommand() throws {
        let cli = Cli()
        let before = try cli.run(["--scripts", Cli.packageRoot.path, "check"])
        let after = try cli.run(["check", "--scripts", Cli.packageRoot.path])
        #expect(before.status == after.status)
        #expect(before.stdout == after.stdout)
        let missing = try cli.run(["--scripts", cli.folder.path, "check"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no Workflows/ folder in \(cli.folder.path)"))
    }
}

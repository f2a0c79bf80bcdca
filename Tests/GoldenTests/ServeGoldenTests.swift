import Foundation
import Testing

/// `safeguard serve` as an administrator starts it.
@Suite("Golden runs: serve")
struct ServeGoldenTests {
    @Test func serveRefusesAStoreWithoutAStaffRegisterAndCreatesNothing() throws {
        let cli = Cli()
        let run = try cli.run(["serve", "--port", "0", "--tick-interval", "0"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "safeguard: bad input: this store keeps no staff register, and a server takes no claimed identities; expected a store set up with 'safeguard init --force F --admin ID --name N --from T --token-out FILE', its people added with 'safeguard staff add' and given tokens with 'safeguard staff token'\n"
        )
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func serveNoLongerTakesATokenFileOfItsOwn() throws {
        let run = try Cli().run(["serve", "--tokens", "tokens.txt"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Unknown option '--tokens'"))
    }
}

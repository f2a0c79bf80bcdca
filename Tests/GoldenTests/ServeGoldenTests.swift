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

/// The README's `serve` example, run as printed (on a free port instead of 8080).
@Suite("Golden runs: the README's serve example")
struct ReadmeServeGoldenTests {
    @Test func theServeExampleOpensACaseAsTheTokensHolder() throws {
        let block = try #require(ReadmeGoldenTests.block(after: "## Serving force systems"))
        let cli = Cli()
        let port = String(Int.random(in: 20_000...29_999))
        // `safeguard` at each line's start becomes the built executable, so `$!` is the server itself;
        // the server is stopped however the script ends.
        let commands = block.replacingOccurrences(of: "8080", with: port)
            .replacingOccurrences(of: #"(?m)^safeguard "#, with: "'\(Cli.executable.path)' ", options: .regularExpression)
        let script = "set -e\ntrap 'kill %1 2>/dev/null' EXIT\n" + commands + "\n"
        let file = cli.folder.appendingPathComponent("serve.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        // A server that never listens fails the test after a minute instead of hanging it.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60", "/bin/bash", file.path]
        process.currentDirectoryURL = cli.folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        // The case opened over HTTP is PC1234's, authenticated by their token; the due list names it.
        #expect(output.contains("safeguard serving on http://127.0.0.1:\(port) (API: /openapi.json, pages: /ui)"))
        #expect(output.contains(#""actor":{"authentication":"token","id":"PC1234","registerVersion":"essex#3","role":"constable"}"#))
        #expect(output.contains(#""id":"C9""#))
    }
}

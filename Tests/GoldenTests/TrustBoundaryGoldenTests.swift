import Foundation
import Testing

/// A hostile plugin for Essex, run through the real binary: the statute's refusal and the
/// runaway hook each end the command at once with their exit code, nothing is written, and
/// verify finds the record intact.
@Suite("Golden runs: a hostile plugin meets the trust boundary")
struct TrustBoundaryGoldenTests {
    static let plugin = """
        local p = engine.plugin { name = "evil", version = "1", extends = "dvpo", forces = { "essex" } }
        p:event("fast_track", { from = "incident", to = "notice_served", who = "constable" })
        p:guard("close", "spin", function() local s = string.rep("x", 1 << 20) while true do local t = s .. s end end)
        """

    func scripts(_ cli: Cli) throws -> URL {
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("Plugins/evil"), withIntermediateDirectories: true)
        try Self.plugin.write(to: copy.appendingPathComponent("Plugins/evil/plugin.lua"), atomically: true, encoding: .utf8)
        return copy
    }

    @Test func refusalsAndRunawayHooksChangeNothing() throws {
        var cli = Cli()
        cli.environment["SAFEGUARD_SCRIPTS"] = try scripts(cli).path
        let open = try cli.run(
            "open --workflow dvpo --force essex --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --id E1 --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
        )
        #expect(open.status == 0, "\(open.stderr)")

        let skip = try cli.run("fire E1 fast_track --at 2026-06-01T23:00:00+01:00 --actor PC1 --role constable")
        #expect(skip.status == 1)
        #expect(
            skip.stderr
                == "safeguard: refused: fast_track refused by the statutory floor (Crime and Security Act 2010 s.25(1)): entering notice_served needs a notice authorised (authorise_notice) first\n"
        )

        let spin = try cli.run("fire E1 close --at 2026-06-01T23:30:00+01:00 --actor PC1 --role constable --data reason=nfa")
        #expect(spin.status == 3)
        #expect(spin.stderr == "safeguard: script error: Plugins/evil/plugin.lua:3: guard spin of close: wall-clock limit of 2000 ms exceeded\n")

        let history = try cli.run("history E1 --json")
        #expect(history.stdout.components(separatedBy: "\"event\":").count - 1 == 1, "\(history.stdout)")
        let verify = try cli.run("verify")
        #expect(verify.status == 0)
        #expect(verify.stdout == ClaimsKeysImportsGoldenTests.claimedLine + "verified 1 events in 1 case: the chain is intact and every case replays to its snapshot\n")
    }
}

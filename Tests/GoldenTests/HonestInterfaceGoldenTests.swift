import Foundation
import Testing

/// Interfaces that do what they say: errors as JSON under --json, --explain's verdict as its
/// exit code, and one force's broken script stopping that force only.
@Suite("Golden runs: honest interfaces")
struct HonestInterfaceGoldenTests {
    static let open = RecoveryGoldenTests.open
    static let authorise = RecoveryGoldenTests.authorise

    @Test func underJSONAnErrorIsOneObjectOnStandardError() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        let unknown = try cli.run("show C9 --json")
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(
            unknown.stderr
                == #"{"exit_code":2,"expected":"the id of an existing case (see 'safeguard list')","kind":"bad input","message":"unknown case \"C9\"; expected the id of an existing case (see 'safeguard list')"}"#
                + "\n")
        let refused = try cli.run(Self.authorise.replacingOccurrences(of: "superintendent", with: "inspector") + " --json")
        #expect(refused.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(refused.stderr.utf8)) as! [String: Any]
        #expect(object["kind"] as? String == "refused")
        #expect(object["exit_code"] as? Int == 1)
        // A command line that cannot be parsed is a usage error, as JSON too.
        let usage = try cli.run("fire C1 close --json --actor PC1 --role constable")
        #expect(usage.status == 64)
        #expect(
            usage.stderr
                == #"{"exit_code":64,"expected":"a command line as 'safeguard help COMMAND' describes it","kind":"usage","message":"Missing expected argument '--at <time>'"}"#
                + "\n")
        // The same failure without --json is the one line it always was.
        #expect(try cli.run("show C9").stderr == "safeguard: bad input: unknown case \"C9\"; expected the id of an existing case (see 'safeguard list')\n")
    }

    @Test func aScriptErrorUnderJSONNamesItsLocation() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        try Cli.edit(scripts.appendingPathComponent("Workflows/dvpo.lua"), replacing: "dvpo:state(\"incident\"", with: "dvpo:state(incident\"")
        let run = try cli.run(Cli.words(Self.open) + ["--scripts", scripts.path, "--json"])
        #expect(run.status == 3)
        let object = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as! [String: Any]
        #expect(object["kind"] as? String == "script error")
        #expect(object["exit_code"] as? Int == 3)
        #expect(object["location"] as? String == "Workflows/dvpo.lua:18")
    }

    @Test func explainExitsAsFireWouldAndRunsTheActions() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        let refused = try cli.run(Self.authorise.replacingOccurrences(of: "superintendent", with: "inspector") + " --explain")
        #expect(refused.status == 1)
        #expect(refused.stdout.hasSuffix("It would not be recorded (refused): 1 check blocks it.\n"))
        let missing = try cli.run(Self.authorise.replacingOccurrences(of: " --data grounds=g --data victim_opinion=v", with: "") + " --explain")
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("BLOCK  data grounds: "))
        #expect(missing.stdout.contains("BLOCK  data victim_opinion: "))
        let allowed = try cli.run(Self.authorise + " --explain")
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("  allow  outcome: leads to notice_authorised, setting "))
        #expect(allowed.stdout.hasSuffix("It would be recorded.\n"))
        #expect(try cli.run("history C1").stdout.split(separator: "\n").count == 1)
    }

    /// A syntax error in one force's plugin stops that force, and check names it among the forces.
    @Test func oneForcesBrokenPluginStopsOnlyThatForce() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        let surrey = scripts.appendingPathComponent("Plugins/surrey")
        try FileManager.default.createDirectory(at: surrey, withIntermediateDirectories: true)
        try "local surrey = engine.plugin { name = \"surrey\", version = \"1.0\", extends = \"dvpo\", forces = { \"surrey\" } \n"
            .write(to: surrey.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        #expect(try run(ForceRegisterGoldenTests.open("essex", id: "E1")).status == 0)
        #expect(try run(ForceRegisterGoldenTests.open("durham", id: "D1")).status == 0)
        let broken = try run(ForceRegisterGoldenTests.open("surrey", id: "S1"))
        #expect(broken.status == 3)
        #expect(broken.stderr.hasPrefix("safeguard: script error: Plugins/surrey/plugin.lua:"))
        // forces lists every force, the broken one marked with its error, and fails at the end.
        let forces = try run("forces")
        #expect(forces.status == 3)
        let listed = forces.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(listed.contains("essex order_lengths 1.0, essex 1.0"))
        #expect(listed.contains { $0.hasPrefix("surrey not loaded: Plugins/surrey/plugin.lua:") })
        #expect(forces.stderr.hasPrefix("safeguard: script error: force surrey not loaded: Plugins/surrey/plugin.lua:"))
        #expect(try run("graph dvpo --force essex").status == 0)
        let check = try run("check")
        #expect(check.status == 3)
        #expect(
            check.stdout.split(separator: "\n").last
                == "1 error, 0 warnings in the national procedure and 7 forces (essex, greater_manchester, humberside, metropolitan, surrey, west_mercia, wiltshire)"
        )
    }

    /// `migrate --all` with one force's plugin broken migrates the other forces' cases, reports the
    /// broken force's cases as not migrated with the script error, and exits 3 at the end.
    @Test func migrateAllGoesOnPastOneForcesBrokenPlugin() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        #expect(try run(ForceRegisterGoldenTests.open("essex", id: "E1")).status == 0)
        #expect(try run(ForceRegisterGoldenTests.open("wiltshire", id: "W1")).status == 0)
        try Cli.edit(
            scripts.appendingPathComponent("Plugins/essex/plugin.lua"), replacing: "essex:set(\"order_lengths\", { 14, 28 })",
            with: "essex:set(\"order_lengths\", { 14, 21, 28 })")
        let wiltshire = scripts.appendingPathComponent("Plugins/wiltshire/plugin.lua")
        let text = try String(contentsOf: wiltshire, encoding: .utf8)
        try (text + "wiltshire:event(\"broken\", { from = \n").write(to: wiltshire, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count

        let dry = try run("migrate --all --dry-run --reason 'Essex: 21-day orders' --actor ADM1")
        #expect(dry.status == 3)
        #expect(dry.stdout.contains("E1  procedure "))
        #expect(dry.stderr == "safeguard: script error: case W1 not migrated: Plugins/wiltshire/plugin.lua:\(lines + 1): unexpected symbol near <eof>\n")
        let migrated = try run("migrate --all --reason 'Essex: 21-day orders' --actor ADM1")
        #expect(migrated.status == 3)
        #expect(try run("history E1").stdout.contains("E1  migrate_procedure  stays incident"))
        #expect(!(try run("history W1").stdout.contains("migrate_procedure")))
    }

    /// The graph shows who may fire what, the guards and the clocks, not only the transitions.
    @Test func theGraphAnnotatesRolesGuardsAndClocks() throws {
        let lines = try Cli().run("graph dvpo").stdout.split(separator: "\n").map(String.init)
        for expected in [
            "    note right of incident",
            "        authorise_notice: superintendent or above; guards regime_commenced, perpetrator_adult, premises_shared, violence_or_threat",
            "    note right of notice_served",
            "        clock hearing: 48 counted hours from serve_notice; met by hearing_began, adjourn_hearing, grant_order, refuse_order",
            "        grant_order: constable or above; guards order_period_14_to_28",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
    }
}

/// Every error document under `--json` says what was expected, even where the message's own
/// words name it otherwise (the events allowed in the state, a field's form).
@Suite("Golden runs: every JSON error says what was expected")
struct ExpectedInErrorDocumentGoldenTests {
    @Test func aWrongStateAndAWrongFormBothSayWhatWasExpected() throws {
        let cli = Cli()
        #expect(try cli.run(HonestInterfaceGoldenTests.open).status == 0)
        let state = try cli.run("--json fire C1 serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1 --role constable --data hearing_address=x")
        #expect(state.status == 1)
        let refused = try JSONSerialization.jsonObject(with: Data(state.stderr.utf8)) as? [String: Any]
        #expect(refused?["expected"] as? String == "one of the events allowed there: authorise_notice, correct_record, close")
        let form = try cli.run(
            "--json open --force essex --id C2 --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=soon --data relationship=cohabitant --data violence=used"
        )
        #expect(form.status == 2)
        let bad = try JSONSerialization.jsonObject(with: Data(form.stderr.utf8)) as? [String: Any]
        #expect(bad?["expected"] as? String == "a date YYYY-MM-DD")
        #expect(bad?["message"] as? String == "field \"perpetrator_dob\" of report_incident must be a date YYYY-MM-DD; got text")
    }
}

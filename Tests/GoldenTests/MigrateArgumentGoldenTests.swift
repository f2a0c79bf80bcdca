import Foundation
import Testing

/// `migrate`'s arguments checked before anything is recorded: a time ahead of the clock or before
/// the case's latest event, a map into a final state or for a state the procedure still has, an
/// empty reason; and a case not migrated reported on standard error, as every failure is.
@Suite("Golden runs: migrate's arguments")
struct MigrateArgumentGoldenTests {
    /// A Kent case in `triage`, then Kent's plugin without the triage step; `run` runs against it.
    func caseInRetiredTriage() throws -> (Cli, (String) throws -> Cli.Run) {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        let kent = scripts.appendingPathComponent("Plugins/kent")
        try FileManager.default.createDirectory(at: kent, withIntermediateDirectories: true)
        try """
            local kent = engine.plugin { name = "kent", version = "1.0", extends = "dvpo", order = 20, forces = { "kent" } }
            kent:state("triage", "A sergeant reviews the incident")
            kent:event("triage_incident", { from = "incident", to = "triage", who = "sergeant" })

            """.write(to: kent.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        let run = { (line: String) throws -> Cli.Run in try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        #expect(
            try run(
                "open --force kent --id K1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used"
            ).status == 0)
        #expect(try run("fire K1 triage_incident --at 2026-06-01T23:00:00+01:00 --actor SG1 --role sergeant").status == 0)
        try "local kent = engine.plugin { name = \"kent\", version = \"2.0\", extends = \"dvpo\", order = 20, forces = { \"kent\" } }\n"
            .write(to: kent.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        return (cli, run)
    }

    @Test func aTimeAheadOfTheClockIsRefusedEvenInADryRun() throws {
        let (_, run) = try caseInRetiredTriage()
        let history = try run("history K1").stdout
        for dry in ["", " --dry-run"] {
            let ahead = try run("migrate --case K1 --map triage=incident --reason x --actor ADM1 --at 2031-01-01T00:00:00Z\(dry)")
            #expect(ahead.status == 2)
            #expect(ahead.stdout == "")
            #expect(ahead.stderr.hasPrefix("safeguard: bad input: migrate --at 2031-01-01T00:00:00Z is ahead of the clock (now "))
            #expect(ahead.stderr.hasSuffix("; expected a time no more than 5 minutes from now (SAFEGUARD_FUTURE_MINUTES)\n"))
        }
        #expect(try run("history K1").stdout == history)
    }

    @Test func aTimeBeforeTheLatestEventIsRefusedNamingIt() throws {
        let (_, run) = try caseInRetiredTriage()
        let history = try run("history K1").stdout
        let early = try run("migrate --case K1 --map triage=incident --reason x --actor ADM1 --at 2026-06-01T22:30:00+01:00")
        #expect(early.status == 2)
        #expect(
            early.stderr
                == "safeguard: bad input: migrate --at 2026-06-01T22:30:00+01:00 is before case K1's latest event (2026-06-01T23:00:00+01:00); expected a time at or after it\n"
        )
        #expect(try run("history K1").stdout == history)
    }

    @Test func aFinalStateIsNoMapTarget() throws {
        let (_, run) = try caseInRetiredTriage()
        let history = try run("history K1").stdout
        let closed = try run("migrate --case K1 --map triage=closed --reason x --actor ADM1")
        #expect(closed.status == 2)
        #expect(
            closed.stderr
                == "safeguard: bad input: --map triage=closed: closed is a final state, which a case enters only by its own event and that event's checks; expected a state that is not final (incident, notice_authorised, notice_served, hearing, order_in_force, breach), then 'safeguard fire K1 close' (or the event that ends it) once migrated\n"
        )
        #expect(try run("migrate --case K1 --map triage=refused --reason x --actor ADM1 --dry-run").status == 2)
        #expect(try run("history K1").stdout == history)
    }

    @Test func aMapForAStateTheProcedureStillHasIsBadInput() throws {
        let (_, run) = try caseInRetiredTriage()
        let both = try run("migrate --case K1 --map triage=incident --map incident=closed --reason x --actor ADM1")
        #expect(both.status == 2)
        #expect(
            both.stderr == "safeguard: bad input: --map incident=closed: state incident exists in the new procedure; expected --map only for states it lacks\n")
    }

    @Test func theArgumentsAreCheckedWhenTheCaseIsAlreadyCurrent() throws {
        let (_, run) = try caseInRetiredTriage()
        #expect(try run("migrate --case K1 --map triage=incident --reason x --actor ADM1 --at 2026-06-02T10:00:00+01:00").status == 0)
        let unknown = try run("migrate --case K1 --map triage=nowhere --reason x --actor ADM1")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("safeguard: bad input: --map triage=nowhere: the current procedure has no state \"nowhere\"; expected one of incident,"))
        #expect(try run("migrate --case K1 --reason x --actor ADM1 --at 2031-01-01T00:00:00Z").status == 2)
        let current = try run("migrate --case K1 --reason x --actor ADM1")
        #expect(current.status == 0)
        #expect(current.stdout == "every open case already runs the current procedure\n")
    }

    /// Under --all a map is checked against the cases in its old state: a Clare's Law case open
    /// beside the Kent case (a workflow with no state incident) does not stop the run.
    @Test func underAllAMapIsCheckedForTheCasesInItsState() throws {
        let (_, run) = try caseInRetiredTriage()
        #expect(
            try run(
                "open --workflow dvds --force durham --id R1 --at 2026-06-01T20:00:00+01:00 --actor PC1 --role constable --data route=right_to_ask --data applicant=person_at_risk"
            ).status == 0)
        let all = try run("migrate --all --map triage=incident --reason 'triage retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00")
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try run("history K1").stdout.contains("K1  migrate_procedure  triage → incident"))
        #expect(try run("migrate --all --map triage=closed --reason x --actor ADM1").status == 2)
    }

    @Test func anEmptyReasonIsBadInputAsForVoid() throws {
        let (_, run) = try caseInRetiredTriage()
        let empty = try run("migrate --case K1 --map triage=incident --reason ' ' --actor ADM1")
        #expect(empty.status == 2)
        #expect(empty.stderr == "safeguard: bad input: migrate needs a reason; expected --reason saying why the cases move to the current procedure\n")
        let void = try run("void K1 --event 2 --reason ' ' --actor SG1 --role sergeant")
        #expect(void.status == 2)
    }

    @Test func aRefusalIsReportedOnStandardErrorAsJSONUnderJSON() throws {
        let (_, run) = try caseInRetiredTriage()
        let refused = try run("--json migrate --case K1 --reason x --actor ADM1")
        #expect(refused.status == 1)
        let error = try JSONSerialization.jsonObject(with: Data(refused.stderr.utf8)) as? [String: Any]
        #expect(error?["kind"] as? String == "refused")
        #expect(error?["exit_code"] as? Int == 1)
        #expect((error?["message"] as? String)?.hasPrefix("case K1 not migrated: case K1 is in state triage") == true)
        #expect((error?["expected"] as? String)?.hasPrefix("--map triage=STATE naming one of incident,") == true)
        let document = try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any]
        #expect(((document?["cases"] as? [[String: Any]])?.first?["refused"] as? String)?.hasPrefix("case K1 is in state triage") == true)
    }

    /// Under --all a map into a state no workflow's current procedure has is bad input before
    /// anything is recorded, as it is for --case; a final target names no case not in its state.
    @Test func underAllAMapIntoNoStateAnywhereIsBadInput() throws {
        let (_, run) = try caseInRetiredTriage()
        let history = try run("history K1").stdout
        let unknown = try run("migrate --all --map triage=incident --map foo=bar --reason x --actor ADM1")
        #expect(unknown.status == 2)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.hasPrefix("safeguard: bad input: --map foo=bar: no workflow's current procedure has a state \"bar\"; expected one of "))
        #expect(try run("history K1").stdout == history)
        #expect(
            try run(
                "open --force essex --id E1 --at 2026-06-01T20:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used"
            ).status == 0)
        let final = try run("migrate --all --map triage=closed --reason x --actor ADM1")
        #expect(final.status == 2)
        #expect(!final.stderr.contains("fire E1"))
        #expect(final.stderr.contains("'safeguard fire K1 close'") || final.stderr.contains("'safeguard fire CASE close'"))
        #expect(try run("history K1").stdout == history)
    }

    @Test func aStateMappedTwiceIsSaidToBeGivenTwice() throws {
        let (_, run) = try caseInRetiredTriage()
        let twice = try run("migrate --case K1 --map triage=incident --map triage=hearing --reason x --actor ADM1")
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: --map gives state triage twice (triage=incident, triage=hearing); expected each old state once.\n"))
    }

    /// Under --all a case whose workflow the current scripts lack is reported as not migrated (a
    /// script error), and the other cases are migrated; the run exits 3 at the end.
    @Test func underAllACaseWhoseWorkflowIsGoneIsReportedAndTheOthersMigrate() throws {
        let (cli, run) = try caseInRetiredTriage()
        #expect(
            try run(
                "open --workflow dvds --force durham --id R1 --at 2026-06-01T20:00:00+01:00 --actor PC1 --role constable --data route=right_to_ask --data applicant=person_at_risk"
            ).status == 0)
        let scripts = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.removeItem(at: scripts.appendingPathComponent("Workflows/dvds.lua"))
        let all = try run("migrate --all --map triage=incident --reason 'triage retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00")
        #expect(all.status == 3, "\(all.stderr)")
        #expect(
            all.stderr.split(separator: "\n").filter { !$0.hasPrefix("safeguard: warning:") }
                == ["safeguard: script error: case R1 not migrated: the current scripts have no workflow \"dvds\" (Workflows/dvds.lua); expected the workflow back, or the case left on the procedure it runs"]
        )
        #expect(try run("history K1").stdout.contains("K1  migrate_procedure  triage → incident"))
    }
}

import Foundation
import Testing

/// `migrate` for real: the new procedure stored before the event that names it, a state the new
/// procedure lacks mapped, what changed printed by file:line, and storage failures as such.
@Suite("Golden runs: migrate")
struct MigrateGoldenTests {
    /// The README's example: edit Essex's order lengths, migrate one case, nothing else run first.
    @Test func aRealMigrationIsRecordedAndVerifies() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        for step in PinningGoldenTests.steps("E1") { #expect(try run(step).status == 0) }
        let essex = scripts.appendingPathComponent("Plugins/essex/plugin.lua")
        try Cli.edit(essex, replacing: "essex:set(\"order_lengths\", { 14, 28 })", with: "essex:set(\"order_lengths\", { 14, 21, 28 })")

        let migrated = try run("migrate --case E1 --reason 'Essex: 21-day orders' --actor ADM1 --at 2026-06-02T10:30:00+01:00")
        #expect(migrated.stderr == ClaimsKeysImportsGoldenTests.claimedWarning)
        #expect(migrated.status == 0)
        let lines = migrated.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "E1  ~ policy order_lengths: [14,28] → [14,21,28] (Plugins/essex/plugin.lua:16)")
        #expect(lines.count == 3 && lines[1].hasPrefix("E1  procedure ") && lines[1].hasSuffix("state notice_served exists"))
        #expect(
            try run("history E1").stdout.split(separator: "\n").last
                == "E1  migrate_procedure  stays notice_served  (event 5 at 2026-06-02T10:30:00+01:00 by ADM1, administrator)")
        #expect(try run(PinningGoldenTests.apply("E1").replacingOccurrences(of: " --data bundle_reference=B21", with: "")).status == 0)
        let verify = try run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// A case in a state the new procedure lacks is refused without --map, and moved with it.
    @Test func aStateTheNewProcedureLacksIsMapped() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        let kent = scripts.appendingPathComponent("Plugins/kent")
        try FileManager.default.createDirectory(at: kent, withIntermediateDirectories: true)
        let plugin = """
            local kent = engine.plugin { name = "kent", version = "1.0", extends = "dvpo", order = 20, forces = { "kent" } }
            kent:state("triage", "A sergeant reviews the incident")
            kent:event("triage_incident", { from = "incident", to = "triage", who = "sergeant" })
            kent:event("triage_done", { from = "triage", to = "incident", who = "sergeant" })

            """
        try plugin.write(to: kent.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        #expect(
            try run(
                "open --force kent --id K1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used"
            ).status == 0)
        #expect(try run("fire K1 triage_incident --at 2026-06-01T23:00:00+01:00 --actor SG1 --role sergeant").status == 0)
        // Kent retires the triage step.
        try "local kent = engine.plugin { name = \"kent\", version = \"2.0\", extends = \"dvpo\", order = 20, forces = { \"kent\" } }\n"
            .write(to: kent.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)

        let refused = try run("migrate --case K1 --reason 'triage retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00")
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("K1  - state triage (was Plugins/kent/plugin.lua:2)\n"))
        #expect(refused.stdout.contains("K1  - event triage_incident (was Plugins/kent/plugin.lua:3)\n"))
        #expect(
            refused.stderr.hasPrefix(
                "safeguard: refused: case K1 not migrated: case K1 is in state triage, which the current procedure does not have; expected --map triage=STATE naming one of incident,"))

        let wrong = try run("migrate --case K1 --map triage=triaged --reason 'triage retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("safeguard: bad input: --map triage=triaged: the current procedure has no state \"triaged\"; expected one of incident,"))

        let mapped = try run("migrate --case K1 --map triage=incident --reason 'triage retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00")
        #expect(mapped.status == 0)
        #expect(mapped.stdout.contains("state triage → incident\n"))
        #expect(try run("show K1 --json").stdout.contains("\"state\":\"incident\""))
        #expect(
            try run("history K1").stdout.split(separator: "\n").last
                == "K1  migrate_procedure  triage → incident  (event 3 at 2026-06-02T10:00:00+01:00 by ADM1, administrator)")
        let verify = try run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(
            try run(
                "fire K1 authorise_notice --at 2026-06-02T11:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false"
            ).status == 0)
    }

    /// A map into a statutory state the case's events do not support is refused, and nothing is
    /// recorded: no order is in force without an application and an order's period (s.27-28).
    @Test func aMapIntoAnOrderWithNoOrderIsRefused() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        let kent = scripts.appendingPathComponent("Plugins/kent")
        try FileManager.default.createDirectory(at: kent, withIntermediateDirectories: true)
        try """
            local kent = engine.plugin { name = "kent", version = "1.0", extends = "dvpo", order = 20, forces = { "kent" } }
            kent:state("limbo", "Held")
            kent:event("hold", { from = "incident", to = "limbo", who = "sergeant" })

            """.write(to: kent.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        #expect(
            try run(
                "open --force kent --id K1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used"
            ).status == 0)
        #expect(try run("fire K1 hold --at 2026-06-01T23:00:00+01:00 --actor SG1 --role sergeant").status == 0)
        try "local kent = engine.plugin { name = \"kent\", version = \"2.0\", extends = \"dvpo\", order = 20, forces = { \"kent\" } }\n"
            .write(to: kent.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        let history = try run("history K1").stdout

        let refused = try run("migrate --case K1 --map limbo=order_in_force --reason 'limbo retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00")
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(
            refused.stderr.contains(
                "safeguard: refused: case K1 not migrated: --map limbo=order_in_force refused by the statutory floor (Crime and Security Act 2010 s.27-28): entering order_in_force needs an application heard by the court (apply_for_order) first; expected a state the case's recorded events support\n"
            ), "\(refused.stderr)")
        #expect(try run("history K1").stdout == history)
        #expect(try run("migrate --case K1 --map limbo=incident --reason 'limbo retired' --actor ADM1 --at 2026-06-02T10:00:00+01:00").status == 0)
    }
}

import Foundation
import Testing

@Suite("Golden runs: cases keep their procedure until migrated")
struct PinningGoldenTests {
    static func steps(_ id: String) -> [String] {
        [
            "open --force essex --id \(id) --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used",
            "fire \(id) authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
            "fire \(id) serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
            "fire \(id) legal_review --at 2026-06-02T10:00:00+01:00 --actor LO1 --role legal_officer --data evidence_complete=true",
        ]
    }

    static func apply(_ id: String) -> String {
        "fire \(id) apply_for_order --at 2026-06-02T11:00:00+01:00 --actor LO1 --role legal_officer --data court=Chelmsford --data listed_for=2026-06-03T10:00:00+01:00 --data days_sought=21 --data bundle_reference=B21"
    }

    @Test func editingScriptsChangesNewCasesOnlyUntilMigrated() throws {
        let cli = Cli()
        let scripts = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: scripts.appendingPathComponent(folder))
        }
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        for step in Self.steps("E1") { #expect(try run(step).status == 0) }
        let before = try run("show E1 --json").stdout

        // The administrator lets Essex record the evidence bundle on the application.
        let essex = scripts.appendingPathComponent("Plugins/essex/plugin.lua")
        let text = try String(contentsOf: essex, encoding: .utf8)
        try text.replacingOccurrences(
            of: "essex:set(\"order_lengths\", { 14, 28 })",
            with:
                "essex:set(\"order_lengths\", { 14, 28 })\nessex:field(\"apply_for_order\", \"bundle_reference\", { \"text\", required = false, summary = \"The evidence bundle\" })"
        ).write(to: essex, atomically: true, encoding: .utf8)

        // E1 keeps the procedure it was opened under (the field is unknown there); a new case gets the edited one.
        #expect(try run(Self.apply("E1")).status == 2)
        for step in Self.steps("E2") { #expect(try run(step).status == 0) }
        #expect(try run(Self.apply("E2")).status == 0)

        // A dry run shows what would change and records nothing.
        let dry = try run("migrate --all --dry-run --reason 'Essex 21-day orders' --actor ADM1")
        #expect(dry.status == 0)
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "E1  ~ event apply_for_order: field bundle_reference added (\(Cli.dvpoLine("dvpo:event(\"apply_for_order\"")))")
        #expect(lines[1].hasPrefix("E1  procedure ") && lines[1].hasSuffix("state notice_served exists  (dry run)"))
        #expect(lines[2] == "  hearing  2026-06-04T09:00:00+01:00 → 2026-06-04T09:00:00+01:00 (unchanged)")
        #expect(try run("show E1 --json").stdout == before)

        // Migrating records it on the case, and the case then follows the edited procedure.
        #expect(try run("migrate --case E1 --reason 'Essex 21-day orders' --actor ADM1 --at 2026-06-02T10:30:00+01:00").status == 0)
        let history = try run("history E1").stdout.split(separator: "\n")
        #expect(history.last == "E1  migrate_procedure  stays notice_served  (event 5 at 2026-06-02T10:30:00+01:00 by ADM1, administrator)")
        #expect(try run(Self.apply("E1")).status == 0)
        #expect(try run("migrate --all --reason again").stdout == "every open case already runs the current procedure\n")
    }
}

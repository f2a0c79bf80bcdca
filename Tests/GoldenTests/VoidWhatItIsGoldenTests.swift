import Foundation
import Testing

/// `void` says what an event it will not void is (a void, a migration), and a staff role the
/// procedure declares is refused as below the rank needed, not as unknown.
@Suite("Golden runs: void says what it refuses")
struct VoidWhatItIsGoldenTests {
    static let open =
        "open --force essex --id V1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used"
    static let authorise =
        "fire V1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false"

    @Test func aVoidCannotItselfBeVoided() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        #expect(try cli.run(Self.authorise).status == 0)
        #expect(try cli.run("void V1 --event 2 --reason 'wrong case' --actor SG1 --role sergeant").status == 0)
        let again = try cli.run("void V1 --event 3 --reason 'undo' --actor SG1 --role sergeant")
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "safeguard: refused: event 3 is a void of event 2, and a void cannot itself be voided; expected the voided event recorded again with 'safeguard fire' if it was right after all\n"
        )
    }

    @Test func aMigrationCannotBeVoidedButMigratedBack() throws {
        let cli = Cli()
        let scripts = try cli.copyOfScripts()
        func run(_ line: String) throws -> Cli.Run { try cli.run(Cli.words(line) + ["--scripts", scripts.path]) }
        #expect(try run(Self.open).status == 0)
        try Cli.edit(
            scripts.appendingPathComponent("Plugins/essex/plugin.lua"), replacing: "essex:set(\"order_lengths\", { 14, 28 })",
            with: "essex:set(\"order_lengths\", { 14, 21, 28 })")
        #expect(try run("migrate --case V1 --reason 'Essex: 21-day orders' --actor ADM1 --at 2026-06-02T10:30:00+01:00").status == 0)
        let void = try run("void V1 --event 2 --reason 'undo the migration' --actor SG1 --role sergeant")
        #expect(void.status == 1)
        #expect(
            void.stderr
                == "safeguard: refused: event 2 is a migration onto another procedure, and a migration cannot be voided; expected to migrate back with 'safeguard migrate --case V1 --scripts DIR' naming the earlier procedure's scripts\n"
        )
    }

    @Test func aStaffRoleIsBelowTheRankNotUnknown() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        #expect(try cli.run(Self.authorise).status == 0)
        let legal = try cli.run("void V1 --event 2 --reason 'wrong case' --actor LO1 --role legal_officer")
        #expect(legal.status == 1)
        #expect(
            legal.stderr
                == "safeguard: refused: rule void_needs_supervisor: voiding an event needs sergeant or above; the actor's role is legal_officer, a staff role, not a rank; expected a supervisor\n"
        )
        #expect(try cli.run("void V1 --event 2 --reason 'wrong case' --actor X1 --role wizard").status == 2)
        // The register's administrator is a role, not a rank: below a sergeant, not unknown.
        let administrator = try cli.run("void V1 --event 2 --reason 'wrong case' --actor ADM1 --role administrator")
        #expect(administrator.status == 1)
        #expect(
            administrator.stderr
                == "safeguard: refused: rule void_needs_supervisor: voiding an event needs sergeant or above; the actor's role is administrator, a staff role, not a rank; expected a supervisor\n"
        )
    }
}

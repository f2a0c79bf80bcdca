import Foundation
import Testing

/// The register of forces: an unknown or misspelt force is bad input with the nearest id, not a
/// case silently run under the national procedure and invisible to `list --force`.
@Suite("Golden runs: the register of forces")
struct ForceRegisterGoldenTests {
    static func open(_ force: String, id: String = "S1") -> String {
        "open --force \(force) --id \(id) --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
    }

    @Test(arguments: [
        (
            "surey",
            "safeguard: bad input: unknown force \"surey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        (
            "Surrey",
            "safeguard: bad input: unknown force \"Surrey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        (
            "greater-manchester",
            "safeguard: bad input: unknown force \"greater-manchester\" (did you mean \"greater_manchester\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        ("atlantis", "safeguard: bad input: unknown force \"atlantis\"; expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"),
    ])
    func anUnknownForceIsRefusedWithTheNearestId(force: String, message: String) throws {
        let cli = Cli()
        let run = try cli.run(Self.open(force))
        #expect(run.status == 2)
        #expect(run.stderr == message + "\n")
        #expect(try cli.run("list").stdout == "no cases\n")
    }

    @Test func aForceWithoutAPluginRunsTheNationalProcedureAndIsListed() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open("surrey")).status == 0)
        #expect(try cli.run(Self.open("british_transport_police", id: "B1")).status == 0)
        #expect(try cli.run("list --force surrey").stdout.hasPrefix("S1  incident  dvpo  surrey  "))
        let all = try cli.run("forces --all --json").stdout
        let object = try JSONSerialization.jsonObject(with: Data(all.utf8)) as! [String: Any]
        let forces = object["forces"] as! [[String: Any]]
        #expect(forces.count == 45)
        #expect(forces.filter { $0["kind"] as? String == "territorial" }.count == 43)
        #expect(forces.contains { $0["id"] as? String == "ministry_of_defence_police" })
    }

    @Test(arguments: [
        (
            "list --force surey",
            "safeguard: bad input: unknown force \"surey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        (
            "list --state expird",
            "safeguard: bad input: unknown state \"expird\" (did you mean \"expired\"?); expected one of incident, notice_authorised, notice_served, hearing, order_in_force, breach, expired, discharged, refused, closed, received, screened, urgent, full_checks, decision, disclosure_agreed, disclosure_refused, disclosed, no_disclosure_notified"
        ),
        (
            "due --force surey",
            "safeguard: bad input: unknown force \"surey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        (
            "report --force surey",
            "safeguard: bad input: unknown force \"surey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        (
            "procedure dvpo --force surey",
            "safeguard: bad input: unknown force \"surey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
        (
            "graph dvpo --force surey",
            "safeguard: bad input: unknown force \"surey\" (did you mean \"surrey\"?); expected a force id from Forces/england-and-wales.json (see 'safeguard forces --all')"
        ),
    ])
    func aFilterNamingNothingIsBadInput(command: String, message: String) throws {
        let cli = Cli()
        // A database to read (a read command on none is a storage error).
        #expect(try cli.run("tick").status == 0)
        let run = try cli.run(command)
        #expect(run.status == 2)
        #expect(run.stderr == message + "\n")
        #expect(try cli.run("list --state expired --force surrey").stdout == "no cases\n")
    }
}

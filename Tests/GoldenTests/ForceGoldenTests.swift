import Foundation
import Testing

@Suite("Golden runs: forces, procedures, and editing scripts without recompiling")
struct ForceGoldenTests {
    @Test func forcesListsEachForcesPlugins() throws {
        let run = try Cli().run("forces")
        #expect(
            run.stdout == """
                essex               order_lengths 1.0, essex 1.0
                greater_manchester  greater_manchester_dapo 1.0, greater_manchester 1.0
                humberside          humberside 1.0
                metropolitan        metropolitan_dapo 1.0
                west_mercia         west_mercia 1.0
                wiltshire           order_lengths 1.0, wiltshire 1.0
                Any other force in the register ('safeguard forces --all') runs the national procedure alone.

                """)
    }

    @Test func procedureShowsWhereEveryPieceCameFrom() throws {
        let run = try Cli().run("procedure dvpo --force essex --json")
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect((object["plugins"] as! [[String: Any]]).map { $0["name"] as! String } == ["order_lengths", "essex"])
        let events = object["events"] as! [[String: Any]]
        let apply = events.first { $0["name"] as? String == "apply_for_order" }!
        #expect(apply["who"] as? String == "constable or above, or legal_officer")
        #expect((apply["who_changed_at"] as? [String])?.first?.hasPrefix("Plugins/essex/plugin.lua:") == true)
        let fields = apply["data"] as! [[String: Any]]
        #expect(fields.first { $0["name"] as? String == "days_sought" }?["source"] as? String == "Plugins/order_lengths/plugin.lua:15")
        #expect((apply["guards"] as! [[String: Any]]).map { $0["name"] as! String } == ["listed_after_service", "days_sought_lawful"])
        #expect((apply["actions"] as? [[String: Any]])?.map { $0["name"] as! String } == ["record_application", "days_sought_usual", "legal_team_preferred"])
        let review = events.first { $0["name"] as? String == "legal_review" }!
        #expect((review["source"] as? String)?.hasPrefix("Plugins/essex/plugin.lua:") == true)
        let policy = (object["policies"] as! [[String: Any]]).first { $0["name"] as? String == "order_lengths" }!
        #expect(policy["value"] as? [Int] == [14, 28])
        #expect(policy["default"] as? [Int] == [14, 21, 28])
        #expect((policy["set_at"] as? String)?.hasPrefix("Plugins/essex/plugin.lua:") == true)
        // Every piece names its file and line.
        for event in events {
            #expect((event["source"] as? String)?.contains(".lua:") == true)
            for field in event["data"] as! [[String: Any]] { #expect((field["source"] as? String)?.contains(".lua:") == true) }
        }
    }

    @Test func aCaseRecordsItsForcesPlugins() throws {
        let cli = Cli()
        let run = try cli.run(
            "open --force wiltshire --id W1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used --json"
        )
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect((object["case"] as! [String: Any])["plugins"] as? [String] == ["order_lengths 1.0", "wiltshire 1.0"])
    }

    /// A copy of the shipped scripts in a temporary folder, for editing.
    func copyOfScripts(_ cli: Cli) throws -> URL {
        let copy = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Cli.packageRoot.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        return copy
    }

    func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func editingAPolicyAndAHookChangesBehaviourWithTheSameBinary() throws {
        let cli = Cli()
        let scripts = try copyOfScripts(cli)
        // The shipped scripts: Essex usually applies for 14 or 28 days; 21 is lawful, with a warning.
        let steps = [
            "open --force essex --id E1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used",
            "fire E1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
            "fire E1 serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
            "fire E1 legal_review --at 2026-06-02T10:00:00+01:00 --actor LO1 --role legal_officer --data evidence_complete=true",
        ]
        for step in steps { #expect(try cli.run(Cli.words(step) + ["--scripts", scripts.path]).status == 0) }
        let apply =
            "fire E1 apply_for_order --at 2026-06-02T11:00:00+01:00 --actor LO1 --role legal_officer --data court=Chelmsford --data listed_for=2026-06-03T10:00:00+01:00 --data days_sought=21"
        let warned = try cli.run(Cli.words(apply) + ["--scripts", scripts.path])
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("\n  warning: the force usually applies for orders of 14, 28 days; 21 days is lawful (CSA 2010 s.28(10))\n"))

        // When the administrator edits the policy and a hook's message in the copy…
        let essex = scripts.appendingPathComponent("Plugins/essex/plugin.lua")
        try edit(essex, "essex:set(\"order_lengths\", { 14, 28 })", "essex:set(\"order_lengths\", { 14, 21, 28 })")
        try edit(scripts.appendingPathComponent("Plugins/order_lengths/plugin.lua"), "the force usually applies", "this force usually applies")
        // …the same binary applies the new policy to a new case, and the new message.
        for id in ["E2", "E3"] {
            for step in steps.map({ $0.replacingOccurrences(of: "E1", with: id) }) {
                #expect(try cli.run(Cli.words(step) + ["--scripts", scripts.path]).status == 0)
            }
        }
        let message = try cli.run(
            Cli.words(apply.replacingOccurrences(of: "E1", with: "E2").replacingOccurrences(of: "days_sought=21", with: "days_sought=20")) + [
                "--scripts", scripts.path,
            ])
        #expect(message.status == 0)
        #expect(message.stdout.contains("\n  warning: this force usually applies for orders of 14, 21, 28 days; 20 days is lawful (CSA 2010 s.28(10))\n"))
        let allowed = try cli.run(Cli.words(apply.replacingOccurrences(of: "E1", with: "E3")) + ["--scripts", scripts.path])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(!allowed.stdout.contains("warning"))
        #expect(
            try cli.run(["procedure", "dvpo", "--force", "essex", "--scripts", scripts.path]).stdout.contains(
                "order_lengths = [14,21,28]  set at Plugins/essex/plugin.lua:"))
    }
}

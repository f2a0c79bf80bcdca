import Foundation
import Testing

@Suite("Golden runs: safeguard export")
struct ExportGoldenTests {
    /// Values that must never leave in a redacted export.
    static let personal = [
        "1988-02-14", "Flat 9 Quay Street", "she wants him kept away", "two girls aged 4 and 7", "he said nothing", "pushed her down the stairs",
    ]

    func populated() throws -> Cli {
        let cli = Cli()
        let steps = [
            "open --force essex --id P1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=spouse --data violence=used",
            "fire P1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data 'grounds=pushed her down the stairs' --data 'victim_opinion=she wants him kept away' --data 'children_welfare=two girls aged 4 and 7' --data 'perpetrator_representations=he said nothing' --data premises_conditions=false",
            "fire P1 serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data 'hearing_address=Flat 9 Quay Street'",
        ]
        for step in steps { #expect(try cli.run(step).status == 0) }
        return cli
    }

    @Test(arguments: ["jsonl", "csv"])
    func aRedactedExportHoldsNoPersonalField(format: String) throws {
        let cli = try populated()
        let plain = try cli.run(["export", "--format", format])
        for value in Self.personal { #expect(plain.stdout.contains(value), "the unredacted export lacks \(value)") }
        let redacted = try cli.run(["export", "--format", format, "--redact"])
        #expect(redacted.status == 0)
        for value in Self.personal { #expect(!redacted.stdout.contains(value), "\(value) left in a redacted export") }
        for field in ["perpetrator_dob", "hearing_address", "victim_opinion", "children_welfare", "perpetrator_representations", "grounds"] {
            #expect(!redacted.stdout.contains("\"\(field)\":") && !redacted.stdout.contains("\"\"\(field)\"\":"), "\(field) left in")
        }
        // What is not personal stays.
        #expect(redacted.stdout.contains("spouse"))
    }

    /// A voided event is exported marked with the void's number, in both formats, so counts
    /// taken from the export can leave it out as `report` does.
    @Test func aVoidedEventIsMarkedWithItsVoid() throws {
        let cli = try populated()
        #expect(try cli.run("void P1 --event 3 --reason 'served on the wrong case' --actor SG1 --role sergeant").status == 0)
        let line = try cli.run("export").stdout
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let events = object?["events"] as? [[String: Any]] ?? []
        #expect(events.count == 4)
        #expect(events.map { $0["voided_by"] as? Int } == [nil, nil, 4, nil])
        #expect(events.allSatisfy { $0.keys.contains("voided_by") })
        let rows = try cli.run("export --format csv --redact").stdout.split(separator: "\n").map(String.init)
        #expect(rows.first?.hasSuffix(",data,changes,voided_by") == true)
        #expect(rows.count == 5)
        #expect(rows[3].hasPrefix("P1,essex,dvpo,3,serve_notice,") && rows[3].hasSuffix(",4"))
        #expect(rows[2].hasPrefix("P1,essex,dvpo,2,authorise_notice,") && rows[2].hasSuffix(","))
    }

    @Test func jsonLinesHoldACaseALineWithItsEvents() throws {
        let cli = try populated()
        let lines = try cli.run("export --redact").stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(object["id"] as? String == "P1")
        #expect((object["events"] as? [[String: Any]])?.map { $0["event"] as! String } == ["report_incident", "authorise_notice", "serve_notice"])
        #expect((object["redacted"] as? [String])?.contains("perpetrator_dob") == true)
    }
}

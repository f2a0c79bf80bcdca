import Foundation
import Testing

/// Whole life cycles through the real binary, compared line by line.
@Suite("Golden runs: a case from incident to expired, and one to refused")
struct LifecycleGoldenTests {
    static let opening =
        "open --workflow dvpo --force thames_valley --id C1 --at 2026-05-23T22:10:00+01:00 --actor PC1234 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
    static let authorise =
        "fire C1 authorise_notice --at 2026-05-24T01:30:00+01:00 --actor SUP77 --role superintendent --data 'grounds=assault; threats' --data 'victim_opinion=wants him kept away' --data 'children_welfare=two children' --data 'perpetrator_representations=none made' --data premises_conditions=false"
    static let serve = "fire C1 serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1234 --role constable --data address_refused=true"
    static let apply =
        "fire C1 apply_for_order --at 2026-05-24T11:00:00+01:00 --actor PC1234 --role constable --data court=Colchester --data listed_for=2026-05-26T10:00:00+01:00"

    @Test func fromIncidentToExpired() throws {
        let cli = Cli()
        let steps: [(String, [String])] = [
            (Self.opening, ["C1  report_incident  opened → incident  (event 1 at 2026-05-23T22:10:00+01:00 by PC1234, constable)"]),
            (Self.authorise, ["C1  authorise_notice  incident → notice_authorised  (event 2 at 2026-05-24T01:30:00+01:00 by SUP77, superintendent)"]),
            // Served on the Sunday of the spring bank holiday weekend: counting starts Tuesday 00:00.
            (
                Self.serve,
                [
                    "C1  serve_notice  notice_authorised → notice_served  (event 3 at 2026-05-24T09:15:00+01:00 by PC1234, constable)",
                    "  hearing due 2026-05-28T00:00:00+01:00",
                ]
            ),
            (Self.apply, ["C1  apply_for_order  notice_served → hearing  (event 4 at 2026-05-24T11:00:00+01:00 by PC1234, constable)"]),
            (
                "fire C1 adjourn_hearing --at 2026-05-26T10:30:00+01:00 --actor PC1234 --role constable --data listed_for=2026-05-27T10:00:00+01:00 --data 'reason=no interpreter'",
                ["C1  adjourn_hearing  stays hearing  (event 5 at 2026-05-26T10:30:00+01:00 by PC1234, constable)"]
            ),
            (
                "fire C1 grant_order --at 2026-05-27T11:40:00+01:00 --actor PC1234 --role constable --data days=14",
                [
                    "C1  grant_order  hearing → order_in_force  (event 6 at 2026-05-27T11:40:00+01:00 by PC1234, constable)",
                    "  order_end due 2026-06-09T23:59:59.999+01:00",
                ]
            ),
            (
                "fire C1 record_visit --at 2026-05-28T15:00:00+01:00 --actor PC2001 --role constable --data 'outcome=victim safe'",
                ["C1  record_visit  stays order_in_force  (event 7 at 2026-05-28T15:00:00+01:00 by PC2001, constable)"]
            ),
            (
                "fire C1 report_breach --at 2026-06-01T20:05:00+01:00 --actor PC3003 --role constable",
                [
                    "C1  report_breach  order_in_force → breach  (event 8 at 2026-06-01T20:05:00+01:00 by PC3003, constable)",
                    "  breach_production due 2026-06-02T20:05:00+01:00",
                ]
            ),
            (
                "fire C1 breach_outcome --at 2026-06-02T10:30:00+01:00 --actor PC3003 --role constable --data result=fined",
                ["C1  breach_outcome  breach → order_in_force  (event 9 at 2026-06-02T10:30:00+01:00 by PC3003, constable)"]
            ),
            (
                "fire C1 expire_order --at 2026-06-10T00:00:00+01:00 --actor PC1234 --role constable",
                ["C1  expire_order  order_in_force → expired  (event 10 at 2026-06-10T00:00:00+01:00 by PC1234, constable)"]
            ),
        ]
        for (command, expected) in steps {
            let run = try cli.run(command)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stdout.split(separator: "\n").map(String.init) == expected)
            #expect(run.stderr == (command.hasPrefix("tick") ? "" : ClaimsKeysImportsGoldenTests.claimedWarning))
        }
        let show = try cli.run("show C1 --json")
        let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as! [String: Any]
        #expect(object["state"] as? String == "expired")
        #expect(object["force"] as? String == "thames_valley")
        #expect(object["workflow"] as? String == "dvpo")
        #expect((object["data"] as? [String: Any])?["order_made_on"] as? String == "2026-05-27")
        let deadlines = (object["deadlines"] as? [[String: Any]] ?? []).map { ($0["clock"] as! String, $0["due"] as! String, $0["status"] as! String) }
        #expect(deadlines.map(\.0) == ["hearing", "order_end", "breach_production"])
        #expect(deadlines.map(\.1) == ["2026-05-28T00:00:00+01:00", "2026-06-09T23:59:59.999+01:00", "2026-06-02T20:05:00+01:00"])
        #expect(deadlines.map(\.2) == ["met", "met", "met"])
        let history = try cli.run("history C1 --json")
        let events = (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as! [String: Any])["events"] as! [[String: Any]]
        #expect(
            events.map { $0["event"] as! String } == [
                "report_incident", "authorise_notice", "serve_notice", "apply_for_order", "adjourn_hearing", "grant_order",
                "record_visit", "report_breach", "breach_outcome", "expire_order",
            ])
        #expect(try cli.run("list --state expired").stdout == "C1  expired  dvpo  thames_valley  updated 2026-06-10T00:00:00+01:00\n")
    }

    @Test func fromIncidentToRefused() throws {
        let cli = Cli()
        for command in [Self.opening, Self.authorise, Self.serve, Self.apply] {
            #expect(try cli.run(command).status == 0)
        }
        let refuse = try cli.run(
            "fire C1 refuse_order --at 2026-05-26T12:00:00+01:00 --actor PC1234 --role constable --data 'reason=not satisfied that an order is necessary'")
        #expect(refuse.stdout == "C1  refuse_order  hearing → refused  (event 5 at 2026-05-26T12:00:00+01:00 by PC1234, constable)\n")
        let after = try cli.run("fire C1 grant_order --at 2026-05-26T12:05:00+01:00 --actor PC1234 --role constable --data days=28")
        #expect(after.status == 1)
        #expect(after.stderr == "safeguard: refused: case C1 is refused, a final state; expected no further events\n")
        #expect(try cli.run("show C1").stdout.contains("  state       refused\n"))
    }
}

import Foundation
import Testing

/// The law's edges through the command line: warnings printed and kept, an event recorded at its
/// true earlier time, the order ending during custody, and every such case replayed clean.
@Suite("Golden runs: the law's edges")
struct LawEdgeGoldenTests {
    static let opening = [
        "open --force durham --id L1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=same_family_proceedings --data violence=used",
        "fire L1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor C1 --role commander --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
        "fire L1 serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
    ]

    @Test func aWarningIsPrintedKeptInTheHistoryAndReplayedClean() throws {
        let cli = Cli()
        for step in Self.opening { #expect(try cli.run(step).status == 0) }
        let apply = try cli.run(
            "fire L1 apply_for_order --at 2026-06-02T10:00:00+01:00 --actor PC1 --role constable --data court=Durham --data listed_for=2026-06-05T10:00:00+01:00"
        )
        #expect(apply.status == 0)
        #expect(
            apply.stdout == """
                L1  apply_for_order  notice_served → hearing  (event 4 at 2026-06-02T10:00:00+01:00 by PC1, constable)
                  warning: the hearing is listed for 2026-06-05T10:00:00+01:00, after the 48 hours end at 2026-06-04T09:00:00+01:00 (CSA 2010 s.27(3))

                """)
        // `due` shows the late listing beside the deadline until the hearing is re-listed in time.
        let due = try cli.run("due --at 2026-06-02T11:00:00+01:00")
        #expect(due.stdout == "2026-06-04T09:00:00+01:00  L1  hearing  durham  in 1d 22h [listed_for 2026-06-05T10:00:00+01:00, after the deadline]\n")
        let dueJSON = try cli.run("due --at 2026-06-02T11:00:00+01:00 --json").stdout
        #expect(dueJSON.contains("\"note\":\"listed_for 2026-06-05T10:00:00+01:00, after the deadline\""))
        // The adjournment at 15:00 is on file; the arrest at 12:00 is recorded afterwards at its true time.
        #expect(
            try cli.run(
                "fire L1 adjourn_hearing --at 2026-06-02T15:00:00+01:00 --actor PC1 --role constable --data listed_for=2026-06-03T10:00:00+01:00 --data reason=sooner"
            ).status == 0)
        #expect(!(try cli.run("due --at 2026-06-02T16:00:00+01:00").stdout.contains("after the deadline")))
        let arrest = try cli.run("fire L1 report_notice_breach --at 2026-06-02T12:00:00+01:00 --actor PC1 --role constable --json")
        #expect(arrest.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(arrest.stdout.utf8)) as! [String: Any]
        let deadlines = (object["case"] as! [String: Any])["deadlines"] as! [[String: Any]]
        let production = deadlines.first { $0["clock"] as? String == "notice_breach_production" }!
        #expect(production["started_at"] as? String == "2026-06-02T12:00:00+01:00")
        #expect(production["due"] as? String == "2026-06-03T10:00:00+01:00")
        let history = try cli.run("history L1").stdout
        #expect(history.contains("\n  warning: the hearing is listed for 2026-06-05T10:00:00+01:00"))
        #expect(history.contains("L1  report_notice_breach  stays hearing  (event 6 at 2026-06-02T12:00:00+01:00 by PC1, constable)"))
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func tickEndsTheOrderDuringCustodyAndTheBreachGoesToCourt() throws {
        let cli = Cli()
        for step in Self.opening { #expect(try cli.run(step).status == 0) }
        for step in [
            "fire L1 apply_for_order --at 2026-06-02T10:00:00+01:00 --actor PC1 --role constable --data court=Durham --data listed_for=2026-06-03T10:00:00+01:00",
            "fire L1 grant_order --at 2026-06-03T11:00:00+01:00 --actor PC1 --role constable --data days=14",
            "fire L1 report_breach --at 2026-06-16T22:00:00+01:00 --actor PC1 --role constable",
        ] { #expect(try cli.run(step).status == 0) }
        #expect(try cli.run("tick --at 2026-06-17T06:00:00+01:00").status == 0)
        #expect(try cli.run("tick --at 2026-06-17T06:00:00+01:00").status == 0)
        #expect(try cli.run("list --state expired").stdout.contains("L1"))
        #expect(try cli.run("fire L1 breach_outcome --at 2026-06-17T11:00:00+01:00 --actor PC1 --role constable --data result=committed").status == 0)
        #expect(try cli.run("verify").status == 0)
    }

    /// The review's case: Humberside, a 14-day order made 2 Jun 2026 (ends 15 Jun 23:59:59.999),
    /// a breach arrest at 22:00 on its last day and an outcome next morning.
    @Test func nothingOutlivesTheOrderSoTickRecordsItsEndOnTime() throws {
        let cli = Cli()
        for step in [
            "open --force humberside --id H1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=cohabitant --data violence=used",
            "fire H1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
            "fire H1 serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
            "fire H1 apply_for_order --at 2026-06-02T10:00:00+01:00 --actor PC1 --role constable --data court=Hull --data listed_for=2026-06-02T14:00:00+01:00",
            "fire H1 grant_order --at 2026-06-02T15:00:00+01:00 --actor PC1 --role constable --data days=14",
            "fire H1 report_breach --at 2026-06-15T22:00:00+01:00 --actor PC1 --role constable",
        ] { #expect(try cli.run(step).status == 0, "\(step)") }
        let outcome = try cli.run("fire H1 breach_outcome --at 2026-06-16T10:00:00+01:00 --actor PC1 --role constable --data result=fined")
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.hasSuffix(
                "the order ended at 2026-06-15T23:59:59.999+01:00 (CSA 2010 s.28(10)); expected expire_order first — safeguard tick records it at the end\n"))
        #expect(
            try cli.run("fire H1 record_visit --at 2026-06-17T09:00:00+01:00 --actor PC1 --role constable --data outcome=safe --data visit_kind=patrol").status
                == 1)
        #expect(try cli.run("tick --at 2026-06-16T10:30:00+01:00").status == 0)
        let history = try cli.run("history H1").stdout
        #expect(history.contains("H1  expire_order  breach → expired  (event 7 at 2026-06-15T23:59:59.999+01:00 by "), "\(history)")
        let after = try cli.run("fire H1 breach_outcome --at 2026-06-16T10:00:00+01:00 --actor PC1 --role constable --data result=fined")
        #expect(after.status == 0)
        #expect(after.stdout.hasPrefix("H1  breach_outcome  stays expired  (event 8 at 2026-06-16T10:00:00+01:00 by PC1, constable)"), "\(after.stdout)")
        #expect(try cli.run("verify").status == 0)
    }
}

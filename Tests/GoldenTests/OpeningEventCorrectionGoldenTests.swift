import Foundation
import Testing

/// Data that stays on the event that opened a case (an order's terms, the abuse a DAPO case
/// reports) is put right by correct_record: the opening event cannot be voided.
@Suite("Golden runs: correcting the opening event's own data")
struct OpeningEventCorrectionGoldenTests {
    static let order =
        "open --workflow restraining_order --force essex --id RO1 --at 2026-06-01T10:00:00+01:00 --actor PC1 --role constable --data basis=conviction --data court=Chelmsford --data terms=wrong"

    @Test func anOrdersTermsAreCorrectedAndReadFromTheCase() throws {
        let cli = Cli()
        #expect(try cli.run(Self.order).status == 0)
        #expect(!(try cli.run("show RO1").stdout.contains("terms")))
        let fixed = try cli.run(
            "fire RO1 correct_record --at 2026-06-01T12:00:00+01:00 --actor SGT1 --role sergeant --data corrected_field=terms --data corrected_value=right --data correction_reason=typo")
        #expect(fixed.status == 0)
        let show = try cli.run("show RO1").stdout
        #expect(show.contains("  terms    right\n"))
        // The same value again changes nothing and is bad input, as for a case field.
        let again = try cli.run(
            "fire RO1 correct_record --at 2026-06-01T12:10:00+01:00 --actor SGT1 --role sergeant --data corrected_field=terms --data corrected_value=right --data correction_reason=again")
        #expect(again.status == 2)
        #expect(again.stderr.contains("terms already holds the value given"))
        #expect(try cli.run("verify").status == 0)
        let void = try cli.run(["void", "RO1", "--event", "1", "--reason", "terms wrong", "--actor", "SGT1", "--role", "sergeant"])
        #expect(
            void.stderr
                == "safeguard: refused: event 1 (record_order) opens case RO1 and cannot be voided; expected correct_record for a field it recorded wrongly (its own data included, such as an order's terms), or close with a reason for a case opened in error\n"
        )
    }

    @Test func aDapoCasesAbuseIsCorrectedWithTheOpeningChecksRunAgain() throws {
        let cli = Cli()
        #expect(
            try cli.run(
                "open --force greater_manchester --id G1 --at 2026-02-10T21:00:00Z --actor PC7 --role constable --data route=police_notice --data perpetrator_dob=1985-03-02 --data victim_dob=1990-07-09 --data relationship=intimate_relationship --data abuse=economic"
            ).status == 0)
        let bad = try cli.run(
            "fire G1 correct_record --at 2026-02-10T22:00:00Z --actor SGT1 --role sergeant --data corrected_field=abuse --data corrected_value=nonsense --data correction_reason=typo")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("abuse_named"))
        let good = try cli.run(
            "fire G1 correct_record --at 2026-02-10T22:00:00Z --actor SGT1 --role sergeant --data corrected_field=abuse --data corrected_value=controlling_or_coercive --data correction_reason=typo")
        #expect(good.status == 0)
        #expect(try cli.run("show G1").stdout.contains("abuse") && cli.run("show G1").stdout.contains("controlling_or_coercive"))
        #expect(try cli.run("verify").status == 0)
    }
}

import Foundation
import Testing

@Suite("Golden runs: fire --explain")
struct ExplainGoldenTests {
    @Test func listsEveryCheckWithItsLineAndChangesNothing() throws {
        let cli = Cli()
        #expect(
            try cli.run(
                "open --force durham --id X --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=2009-01-01 --data relationship=spouse --data violence=none"
            ).status == 0)
        let run = try cli.run(
            "fire X authorise_notice --explain --at 2026-05-24T01:30:00+01:00 --actor I1 --role inspector --data grounds=g --data premises_conditions=true --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none"
        )
        // It exits as fire would: the rank refusal comes first.
        #expect(run.status == 1)
        let text = try String(contentsOf: Cli.packageRoot.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ needle: String) -> Int { lines.firstIndex { $0.contains(needle) }! + 1 }
        let event = "Workflows/dvpo.lua:\(line("dvpo:event(\"authorise_notice\""))"
        #expect(
            run.stdout == """
                authorise_notice on case X, explained (nothing is recorded)
                  allow  state: authorise_notice is allowed in incident  \(event)
                  allow  time: not before the case's latest change of state
                  BLOCK  rank: authorise_notice refused by rule who (\(event)): needs superintendent or above (Crime and Security Act 2010 s.24(1)); I1 holds inspector  \(event)
                  allow  data: only fields authorise_notice takes  \(event)
                  allow  data children_welfare: given, text  \(event)
                  allow  data grounds: given, text  \(event)
                  BLOCK  data other_residents_opinion: authorise_notice needs field "other_residents_opinion": expected text (required when premises_conditions is true)  \(event)
                  allow  data perpetrator_representations: given, text  \(event)
                  allow  data premises_conditions: given, true or false  \(event)
                  BLOCK  data shares_premises: authorise_notice needs field "shares_premises": expected true or false (required when premises_conditions is true)  \(event)
                  allow  data victim_opinion: given, text  \(event)
                  BLOCK  guard regime_commenced: not run: the data above is incomplete or ill-typed  Workflows/dvpo.lua:\(line("\"regime_commenced\""))
                  BLOCK  guard perpetrator_adult: not run: the data above is incomplete or ill-typed  Workflows/dvpo.lua:\(line("\"perpetrator_adult\""))
                  BLOCK  guard premises_shared: not run: the data above is incomplete or ill-typed  Workflows/dvpo.lua:\(line("\"premises_shared\""))
                  BLOCK  guard violence_or_threat: not run: the data above is incomplete or ill-typed  Workflows/dvpo.lua:\(line("\"violence_or_threat\""))
                It would not be recorded (refused): 7 checks block it.

                """)
        #expect(try cli.run("history X").stdout.split(separator: "\n").count == 1)
        let json = try cli.run(
            "fire X authorise_notice --explain --json --at 2026-05-24T01:30:00+01:00 --actor S1 --role superintendent --data grounds=g --data premises_conditions=false --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none"
        )
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["allowed"] as? Bool == false)
        let blocked = (object["checks"] as! [[String: Any]]).filter { $0["passed"] as? Bool == false }.map { $0["check"] as! String }
        #expect(blocked == ["guard perpetrator_adult", "guard violence_or_threat"])
    }
}

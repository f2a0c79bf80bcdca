import Foundation
import Testing

@Suite("Golden runs: safeguard graph")
struct GraphGoldenTests {
    @Test func theNationalProcedureAsMermaid() throws {
        let run = try Cli().run("graph dvpo")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "stateDiagram-v2")
        for expected in [
            "    [*] --> incident: report_incident", "    incident --> notice_authorised: authorise_notice",
            "    hearing --> order_in_force: grant_order", "    order_in_force --> expired: expire_order",
            "    breach --> order_in_force: breach_outcome", "    expired --> [*]",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        // The engine's own event is not drawn; the README shows this same diagram.
        #expect(!run.stdout.contains("record_missed_deadline"))
        let readme = try String(contentsOf: Cli.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```mermaid\n" + run.stdout))
    }

    @Test func aForcesAdditionsAreMarkedInDot() throws {
        let run = try Cli().run("graph dvpo --force essex --format dot")
        #expect(run.stdout.hasPrefix("digraph \"dvpo\" {\n  label=\"dvpo for essex\";"))
        #expect(
            run.stdout.contains(
                "  \"notice_served\" -> \"notice_served\" [label=\"legal_review\\n(essex)\", color=\"#c0392b\", fontcolor=\"#c0392b\", style=dashed];"))
        #expect(run.stdout.contains("  \"expired\" [peripheries=2];"))
        #expect(run.stdout.hasSuffix("}\n"))
    }
}

import Foundation
import Testing

/// `safeguard procedure` says which of an event's fields the case keeps, and under what name.
@Suite("Golden runs: case data in the effective procedure")
struct CaseFieldGoldenTests {
    @Test func procedureMarksTheFieldsKeptOnTheCase() throws {
        let run = try Cli().run("procedure dvpo")
        #expect(run.status == 0)
        #expect(run.stdout.contains("    data listed_for: instant, required, on the case  Workflows/dvpo.lua:"))
        #expect(run.stdout.contains("    data days: integer, required, on the case as order_days  Workflows/dvpo.lua:"))
        #expect(run.stdout.contains("    data court: text, required  Workflows/dvpo.lua:"))
        let json = try Cli().run("procedure dvpo --json")
        #expect(json.stdout.contains(#""case_field":"order_days""#))
        #expect(json.stdout.contains(#""case_field":null"#))
    }
}

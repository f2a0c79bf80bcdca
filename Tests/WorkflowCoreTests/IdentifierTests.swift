import Foundation
import Testing
import WorkflowCore

@Suite("Ids: one form, printable, never empty")
struct IdentifierTests {
    @Test func twoEncodingsOfTheSameLookingIdAreOneId() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(Array(Identifier.normalized(decomposed).utf8) == Array(composed.utf8))
        let request = TransitionRequest(
            caseID: decomposed, event: "e", at: Date(), actor: Actor(id: "PC\u{301}", role: "constable"), eventID: "E" + decomposed)
        #expect(Array(request.caseID.utf8) == Array(composed.utf8))
        #expect(Array(request.eventID!.utf8) == Array(("E" + composed).utf8))
        #expect(Array(BatchItem(caseID: decomposed, eventID: nil) { _ throws(WorkflowError) in throw .storage("x") }.caseID.utf8) == Array(composed.utf8))
    }

    @Test(arguments: [
        ("A\u{0}B", "the case id holds a control character (U+0000); expected printable text"),
        ("A\nB", "the case id holds a control character (U+000A); expected printable text"),
        ("", "the case id is empty; expected at least one character"),
        (String(repeating: "x", count: 201), "the case id is 201 characters long; expected at most 200"),
    ])
    func refusesIdsThatCannotBeKeptExactly(id: String, message: String) {
        #expect(Identifier.problem(id, what: "the case id")?.message == message)
        #expect(Identifier.problem(id, what: "the case id")?.kind == .badInput)
    }

    @Test func acceptsOrdinaryIds() {
        for id in ["ESX-1", "C1", "2026/000123", "café", "PC 1234"] { #expect(Identifier.problem(id, what: "the case id") == nil) }
    }
}

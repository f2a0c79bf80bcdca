import Testing
import WorkflowCore

@testable import SafeguardService

/// An error document always says what was expected: the message's own `; expected …`, what it
/// names as allowed or the form it asks for, or else what its kind of failure asks for.
@Suite("Error documents say what was expected")
struct ErrorDocumentTests {
    @Test func theMessagesOwnExpectedWins() {
        #expect(ErrorDocument(.badInput("unknown case \"C9\"; expected the id of an existing case")).expected == "the id of an existing case")
    }

    @Test func theEventsAllowedThereAreWhatWasExpected() {
        #expect(
            ErrorDocument(.refused("serve_notice is not allowed in state incident; allowed there: authorise_notice, close")).expected
                == "one of the events allowed there: authorise_notice, close")
        #expect(ErrorDocument(.refused("x is not allowed in state y; allowed there: ")).expected == "no further events in this state")
    }

    @Test func aValuesFormIsWhatWasExpected() {
        #expect(ErrorDocument(.badInput("field \"d\" of e must be a date YYYY-MM-DD; got text")).expected == "a date YYYY-MM-DD")
    }

    @Test(arguments: WorkflowError.Kind.allCases)
    func everyKindSaysWhatItAsksFor(kind: WorkflowError.Kind) {
        #expect(!ErrorDocument(WorkflowError(kind, "something failed")).expected.isEmpty)
        #expect(ErrorDocument(WorkflowError(kind, "something failed")).json.contains("\"expected\":"))
    }
}

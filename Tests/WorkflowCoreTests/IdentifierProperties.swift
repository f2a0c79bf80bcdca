import PropertyBased
import Testing

@testable import WorkflowCore

/// The quick check of printable ASCII ids gives exactly what the full Unicode rule gives.
@Suite("Fuzz: ids checked quickly and in full agree")
struct IdentifierProperties {
    /// ASCII text of every kind (controls, spaces, printable), up to past the length limit.
    static let asciiIDs = Gen<Int>.int(in: 0...127).array(of: 0...205).map { codes in
        String(decoding: codes.map(UInt8.init), as: UTF8.self)
    }

    @Test func theQuickCheckAgreesWithTheFullRule() async {
        await propertyCheck(count: 2000, input: Self.asciiIDs) { id in
            #expect(Identifier.problem(id, what: "the case id") == Identifier.unicodeProblem(id, what: "the case id"))
        }
    }

    @Test(arguments: [" C1", "C1 ", "C\u{7F}1", "C\t1", String(repeating: "x", count: 201)])
    func asciiIdsTheRuleRefuses(id: String) {
        #expect(Identifier.problem(id, what: "the case id") != nil)
    }

    @Test(arguments: ["PC 1234", "~!@#$%^&*()", String(repeating: "x", count: 200)])
    func asciiIdsTheRuleAccepts(id: String) {
        #expect(Identifier.problem(id, what: "the case id") == nil)
    }
}

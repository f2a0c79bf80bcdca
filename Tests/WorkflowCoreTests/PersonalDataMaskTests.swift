import Foundation
import Testing
import WorkflowCore

/// Issue 11: text a script writes (a refusal, an error, a warning) never carries the values of
/// personal fields; each is replaced by its field's name.
@Suite("Personal data masked in script text")
struct PersonalDataMaskTests {
    /// A workflow whose `start` takes a personal date of birth and a personal address (both kept
    /// on the case, where later hooks read them) and a number, and whose `review` takes personal notes recorded on the case as `review_notes`.
    static var workflow: WorkflowDefinition {
        var definition = SampleWorkflow.definition()
        definition.events[0].fields = [
            FieldSpec(name: "born", type: .date, personal: true, onCase: true),
            FieldSpec(name: "address", type: .text, personal: true, onCase: true),
            FieldSpec(name: "initial", type: .text, personal: true),
            FieldSpec(name: "weight", type: .number, personal: true),
            FieldSpec(name: "court", type: .text),
        ]
        var notes = FieldSpec(name: "notes", type: .text, requirement: .optional, personal: true)
        notes.caseField = "review_notes"
        definition.events[1].fields.append(notes)
        return definition
    }

    static let data: [String: Value] = [
        "born": "1988-02-14", "address": "12 Acacia Avenue", "initial": "a", "weight": 82.5, "court": "Colchester",
    ]

    static func mask(_ values: [String: Value]...) -> PersonalDataMask { PersonalDataMask(workflow: workflow, values: values) }

    @Test(arguments: [
        ("dob=1988-02-14", "dob=[born]"),
        ("born 14/02/1988, so under 18", "born [born], so under 18"),
        ("lives at 12 ACACIA AVENUE", "lives at [address]"),
        ("x12 Acacia Avenue.", "x[address]."),  // beside a letter that does not continue it
        ("12 Acacia Avenues", "[address]s"),  // a phrase run into a word is masked all the same
        ("12 Acacia Avenue12 Acacia Avenue", "[address][address]"),  // and repeated
        ("dob1988-02-14", "dob[born]"),
        ("1988-02-141988-02-14", "[born][born]"),
        ("14-02-1988 14/2/1988 19880214 1988/02/14 14.02.1988 02/14/1988 1988_02_14", "[born] [born] [born] [born] [born] [born] [born]"),
        ("198802140", "198802140"),  // a longer number: not the date
        ("12 acacia avenue, 12 ACACIA AVENUE", "[address], [address]"),
        ("weighs 82.5 kg", "weighs [weight] kg"),
        ("a case at Colchester", "a case at Colchester"),  // not personal; "a" is too short to mask
        ("nothing personal here", "nothing personal here"),
    ])
    func scriptTextIsMasked(_ text: String, _ expected: String) {
        #expect(Self.mask(Self.data).apply(text) == expected)
    }

    @Test func composedAndDecomposedFormsAndCaseAreTheSameValue() {
        let composed = "Chloé Martin, Rue de l'Église"
        let mask = Self.mask(["address": .string(composed.decomposedStringWithCanonicalMapping)])
        #expect(mask.apply("visit " + composed) == "visit [address]")
        #expect(mask.apply("visit " + composed.uppercased()) == "visit [address]")
        #expect(Self.mask(["address": .string(composed)]).apply("visit " + composed.decomposedStringWithCanonicalMapping) == "visit [address]")
    }

    @Test func aValueContainingAnotherIsHiddenWhole() {
        let mask = Self.mask(["address": "12 Acacia Avenue", "court": "x"], ["notes": "Acacia"])
        #expect(mask.apply("at 12 Acacia Avenue; Acacia") == "at [address]; [notes]")
    }

    @Test func theCaseFieldAPersonalFieldIsRecordedUnderIsMaskedToo() {
        let mask = Self.mask(["review_notes": "met the neighbour"])
        #expect(mask.apply("notes: met the neighbour") == "notes: [review_notes]")
    }

    @Test func shortValuesAnswersBooleansAndNothingAreLeftAlone() {
        let mask = Self.mask(["initial": "ab", "born": .null, "address": true, "weight": 12, "notes": "None"])
        #expect(mask.isEmpty)
        #expect(mask.apply("ab true 12; expected none") == "ab true 12; expected none")
    }

    @Test func aValueIsNotMaskedInsideALongerWord() {
        let mask = Self.mask(["notes": "safe"])
        #expect(mask.apply("safeguard tick: safe, SAFE") == "safeguard tick: [notes], [notes]")
    }

    @Test func aListIsMaskedByEachValue() {
        let mask = Self.mask(["address": ["1 High Street", "2 Low Road"]])
        #expect(mask.apply("1 High Street or 2 Low Road") == "[address] or [address]")
    }

    @Test func aGuardsRefusalAnActionsErrorAndAWarningAreMaskedInTheTransition() throws {
        var workflow = Self.workflow
        workflow.events[1].guards = [Guard(name: "leak", location: SampleWorkflow.location) { context in
            .refuse("born \(context.snapshot?.data["born"]?.stringValue ?? "")")
        }]
        let engine = TransitionEngine(workflow: workflow, procedure: "p")
        let opened = try engine.transition(nil, SampleWorkflow.request("start", data: Self.data)).snapshot
        #expect(throws: WorkflowError.refused("review refused by rule leak (Workflows/sample.lua:1): born [born]")) {
            try engine.transition(opened, SampleWorkflow.request("review", data: SampleWorkflow.reviewData))
        }

        workflow.events[1].guards = []
        workflow.events[1].actions = [Action(name: "leak", location: SampleWorkflow.location) { context in
            .failure(ScriptFailure("at \(context.snapshot?.data["address"]?.stringValue ?? "")", at: SourceLocation(file: "Workflows/sample.lua", line: 9)))
        }]
        #expect(throws: WorkflowError.script("Workflows/sample.lua:9: action leak of review: at [address]")) {
            try TransitionEngine(workflow: workflow, procedure: "p").transition(opened, SampleWorkflow.request("review", data: SampleWorkflow.reviewData))
        }

        workflow.events[1].actions = [Action(name: "warn", location: SampleWorkflow.location) { context in
            .success(["warnings": .string("notes say \(context.data["notes"]?.stringValue ?? "")")])
        }]
        let reviewed = try TransitionEngine(workflow: workflow, procedure: "p").transition(
            opened, SampleWorkflow.request("review", data: SampleWorkflow.reviewData.merging(["notes": "seen at home"]) { a, _ in a }))
        #expect(reviewed.data["warnings"] == ["notes say [notes]"])
    }
}

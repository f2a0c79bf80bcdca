import Testing
import WorkflowCore

@Suite("The nearest valid name, for did-you-mean")
struct NearestNameTests {
    @Test(arguments: [
        ("surey", "surrey"), ("Surrey", "surrey"), ("greater-manchester", "greater_manchester"), ("expird", "expired"),
        ("supt", "superintendent"), ("sgt", "sergeant"),
    ])
    func aSlipFindsTheName(text: String, expected: String) {
        let names = ["surrey", "sussex", "greater_manchester", "expired", "refused", "superintendent", "sergeant", "constable"]
        #expect(NearestName.suggestion(for: text, among: names) == expected)
    }

    @Test func nothingNearIsNoSuggestion() {
        #expect(NearestName.suggestion(for: "atlantis", among: ["surrey", "sussex"]) == nil)
        #expect(NearestName.didYouMean("atlantis", among: ["surrey"]) == "")
        #expect(NearestName.didYouMean("surey", among: ["surrey"]) == " (did you mean \"surrey\"?)")
    }
}

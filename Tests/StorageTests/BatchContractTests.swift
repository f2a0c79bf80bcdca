import Foundation
import Ledger
import Testing
import WorkflowCore

/// A batch with several events on one case, and cases read a page at a time, on every store.
@Suite("The store contract: batches and pages")
struct BatchContractTests {
    func items(_ requests: [TransitionRequest]) -> [BatchItem] {
        requests.map { request in
            BatchItem(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
                try StoreFixtures.engine.transition(current, request)
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aBatchOfManyEventsOnACaseStoresWhatOneAtATimeWould(kind: StoreKind) throws {
        // Given the same events, in one batch on this store and one at a time in memory
        let requests = [
            StoreFixtures.request("open", case: "A", n: 1, eventID: "a1"),
            StoreFixtures.request("note", case: "A", n: 2, eventID: "a2", second: 10),
            StoreFixtures.request("open", case: "B", n: 3, eventID: "b1", second: 20),
            StoreFixtures.request("note", case: "A", n: 4, eventID: "a3", second: 30),
            StoreFixtures.request("nonsense", case: "B", n: 5, eventID: "b2", second: 40),
            StoreFixtures.request("note", case: "A", n: 6, eventID: "a2", second: 50),
            StoreFixtures.request("note", case: "B", n: 7, eventID: "b3", second: 60),
        ]
        let store = try kind.make()
        let reference = try StoreKind.memory.make()
        let outcomes = try store.recordBatch(items(requests))
        for item in items(requests) { _ = try reference.recordBatch([item]) }
        // Then each item's outcome, each case, its history and the chain are the same
        #expect(outcomes.map { (try? $0.get()).map { if case .recorded = $0 { "recorded" } else { "skipped" } } ?? "refused" } == [
            "recorded", "recorded", "recorded", "recorded", "refused", "skipped", "recorded",
        ])
        for id in ["A", "B"] {
            #expect(try store.snapshot(id) == (try reference.snapshot(id)))
            #expect(try store.storedSnapshotText(id) == (try reference.storedSnapshotText(id)))
            #expect(try store.history(id) == (try reference.history(id)))
        }
        #expect(try store.chainHead() == (try reference.chainHead()))
        let verified = try store.verifyChain(caseID: nil)
        #expect(verified.events == 5)
        #expect(verified.problems.isEmpty)
        // And a later batch goes on from the case as the first left it
        _ = try store.recordBatch(items([StoreFixtures.request("note", case: "A", n: 8, second: 70)]))
        #expect(try store.snapshot("A")?.version == 4)
        #expect(try store.snapshot("A")?.data == ["n": 8])
    }

    @Test(arguments: StoreKind.allCases)
    func casesAreReadAPageAtATimeInIdOrder(kind: StoreKind) throws {
        let store = try kind.make()
        let ids = ["C07", "C01", "C05", "C03", "C02", "C06", "C04"]
        for (n, id) in ids.enumerated() {
            var request = StoreFixtures.request("open", case: id, n: n)
            request.force = n % 2 == 0 ? "essex" : "kent"
            _ = try store.recordBatch(items([request]))
        }
        var pages: [[String]] = []
        var after: String?
        repeat {
            let page = try store.cases(state: nil, force: nil, after: after, limit: 3)
            pages.append(page.cases.map(\.id))
            after = page.next
        } while after != nil
        #expect(pages == [["C01", "C02", "C03"], ["C04", "C05", "C06"], ["C07"]])
        // Filtered by force and by state, through the store's own iteration
        var essex: [String] = []
        try store.forEachCase(force: "essex", pageSize: 2) { essex.append($0.id) }
        #expect(essex == ["C02", "C04", "C05", "C07"])
        var active = 0
        try store.forEachCase(state: "active", pageSize: 1) { _ in active += 1 }
        #expect(active == 7)
        #expect(try store.cases(state: "closed", force: nil, after: nil, limit: 5).cases.isEmpty)
        #expect(try store.cases(state: nil, force: nil, after: "C07", limit: 5).next == nil)
    }
}

import Foundation
import Ledger
import PostgresStore
import Testing
import WorkflowCore

/// A PostgreSQL batch costs a fixed number of round trips, whatever its size, and leaves the same
/// rows as one event at a time would.
@Suite(.enabled(if: TestPostgres.url != nil))
struct PostgresBatchTests {
    func store() throws -> PostgresCaseStore {
        let store = try PostgresCaseStore(url: try TestPostgres.freshDatabase(), now: { Date(timeIntervalSince1970: 1_780_000_000) })
        try store.storeProcedure(hash: "hash1", sources: [ScriptSource(path: "Workflows/w.lua", text: "-- fixture")])
        return store
    }

    func items(_ requests: [TransitionRequest], deadlines: [String: [Deadline]] = [:]) -> [BatchItem] {
        requests.map { request in
            BatchItem(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
                var transition = try StoreFixtures.engine.transition(current, request)
                if let list = deadlines[request.eventID ?? ""] { transition.snapshot.deadlines = list }
                return transition
            }
        }
    }

    @Test func aBatchOfSixtyEventsOnTwentyCasesIsSixStatements() throws {
        // Given sixty lines: twenty cases opened, each noted twice
        let store = try store()
        var requests: [TransitionRequest] = []
        for n in 1...20 { requests.append(StoreFixtures.request("open", case: "C\(n)", n: n, eventID: "o\(n)")) }
        for n in 1...20 { requests.append(StoreFixtures.request("note", case: "C\(n)", n: 100 + n, eventID: "a\(n)", second: 1)) }
        for n in 1...20 { requests.append(StoreFixtures.request("note", case: "C\(n)", n: 200 + n, eventID: "b\(n)", second: 2)) }
        // When they are recorded in one batch
        let before = PostgresTestAccess.statementsSent(by: store)
        let outcomes = try store.recordBatch(items(requests))
        // Then: BEGIN, the case locks, one read, one write with the head lock, one append, COMMIT
        #expect(PostgresTestAccess.statementsSent(by: store) - before == 6)
        #expect(outcomes.allSatisfy { if case .success(.recorded) = $0 { true } else { false } })
        #expect(try store.history("C7").map(\.event) == ["open", "note", "note"])
        #expect(try store.snapshot("C7")?.data == ["n": 207])
        #expect(try store.snapshot("C7")?.version == 3)
        let verified = try store.verifyChain(caseID: nil)
        #expect(verified.events == 60 && verified.problems.isEmpty)
        // And a re-run of the same lines skips each, in one more statement and no write
        let again = PostgresTestAccess.statementsSent(by: store)
        let skipped = try store.recordBatch(items(requests))
        #expect(PostgresTestAccess.statementsSent(by: store) - again == 5)
        #expect(skipped.allSatisfy { if case .success(.alreadyRecorded) = $0 { true } else { false } })
        #expect(try store.verifyChain(caseID: nil).events == 60)
    }

    @Test func theDeadlineIndexHoldsEachCasesDeadlinesAsTheBatchLeftIt() throws {
        // Given a case whose deadlines change twice within one batch, and another's once
        let store = try store()
        let t = Date(timeIntervalSince1970: 1_780_000_000)
        let first = [
            Deadline(clock: "production", startedAt: t, due: t.addingTimeInterval(3600)),
            Deadline(clock: "order_end", startedAt: t, due: t.addingTimeInterval(86_400)),
        ]
        let second = [
            Deadline(clock: "order_end", startedAt: t, due: t.addingTimeInterval(7200)),
            Deadline(clock: "hearing", startedAt: t.addingTimeInterval(1), due: t.addingTimeInterval(5000)),
        ]
        _ = try store.recordBatch(
            items(
                [
                    StoreFixtures.request("open", case: "A", n: 1, eventID: "a1"),
                    StoreFixtures.request("open", case: "B", n: 1, eventID: "b1"),
                    StoreFixtures.request("note", case: "A", n: 2, eventID: "a2", second: 1),
                ], deadlines: ["a1": first, "b1": first, "a2": second]))
        // Then the index holds A's second set (production gone, order_end moved) and B's first
        let open = try store.openDeadlines(dueBefore: nil, orMissed: false, force: nil)
        #expect(
            open.map { "\($0.caseID):\($0.clock):\(Int($0.due.timeIntervalSince(t)))" } == [
                "B:production:3600", "A:hearing:5000", "A:order_end:7200", "B:order_end:86400",
            ])
        // When a later batch settles every deadline of A, Then A has no row left
        _ = try store.recordBatch(items([StoreFixtures.request("note", case: "A", n: 3, eventID: "a3", second: 2)], deadlines: ["a3": []]))
        #expect(try store.openDeadlines(dueBefore: nil, orMissed: false, force: nil).map { "\($0.caseID):\($0.clock)" } == ["B:production", "B:order_end"])
        #expect(try store.verifyChain(caseID: nil).problems.isEmpty)
    }
}

import Foundation
import Ledger
import Testing
import WorkflowCore

/// What every `CaseStore` promises, run against each implementation (`StoreKind`).
@Suite("The store contract")
struct StoreContractTests {
    func record(_ request: TransitionRequest, on store: any CaseStore) throws -> RecordOutcome {
        try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            try StoreFixtures.engine.transition(current, request)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func recordsTheEventAndTheSnapshotTogether(kind: StoreKind) throws {
        // Given a fresh store
        let store = try kind.make()
        // When a case is opened and an event fired
        _ = try record(StoreFixtures.request("open", n: 1), on: store)
        _ = try record(StoreFixtures.request("note", n: 2, second: 60), on: store)
        // Then the snapshot and the history agree
        let snapshot = try #require(try store.snapshot("C1"))
        #expect(snapshot.version == 2)
        #expect(snapshot.data == ["n": 2])
        let history = try store.history("C1")
        #expect(history.map(\.event) == ["open", "note"])
        #expect(history.map(\.sequence) == [1, 2])
        #expect(history[1].from == "active" && history[1].to == "active")
        #expect(try store.history("nobody").isEmpty)
        #expect(try store.snapshot("nobody") == nil)
        #expect(try store.list(state: "active", force: nil).map(\.id) == ["C1"])
        #expect(try store.list(state: nil, force: "f").map(\.id) == ["C1"])
        #expect(try store.list(state: nil, force: "other").isEmpty)
        #expect(try store.storedSnapshotText("C1") == snapshot.canonicalText)
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedDecisionWritesNothing(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try record(StoreFixtures.request("open", n: 1), on: store)
        #expect(throws: WorkflowError.self) { try record(StoreFixtures.request("nonsense", n: 2), on: store) }
        #expect(try store.history("C1").count == 1)
        #expect(try store.snapshot("C1")?.version == 1)
        #expect(try store.verifyChain(caseID: nil).events == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func anEventIDAlreadyRecordedChangesNothing(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try record(StoreFixtures.request("open", n: 1, eventID: "E1"), on: store)
        let again = try record(StoreFixtures.request("note", n: 5, eventID: "E1"), on: store)
        guard case .alreadyRecorded(let existing) = again else {
            Issue.record("expected alreadyRecorded, got \(again)")
            return
        }
        #expect(existing.sequence == 1 && existing.event == "open")
        #expect(try store.history("C1").count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedEventIDStaysRefusedAndChangesNoCase(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try record(StoreFixtures.request("open", n: 1, eventID: "E1"), on: store)
        let refusal = WorkflowError.refused("not now")
        #expect(throws: refusal) {
            _ = try store.record(caseID: "C1", eventID: "E2") { _ throws(WorkflowError) in throw refusal }
        }
        // The same id later, with a decision that would now allow it: refused the same way
        #expect(throws: WorkflowError.refusedBefore(eventID: "E2", reason: "not now")) {
            _ = try record(StoreFixtures.request("note", n: 2, eventID: "E2", second: 5), on: store)
        }
        #expect(
            WorkflowError.refusedBefore(eventID: "E2", reason: "not now").message
                == "event id E2 was refused when first tried: not now; expected a new event id for a new attempt")
        // A decision that failed on its input (an unknown case) is remembered the same way
        #expect(throws: WorkflowError.self) {
            _ = try store.record(caseID: "C1", eventID: "E4") { _ throws(WorkflowError) in throw .badInput("typo") }
        }
        #expect(throws: WorkflowError.refusedBefore(eventID: "E4", reason: "typo")) {
            _ = try record(StoreFixtures.request("note", n: 4, eventID: "E4", second: 7), on: store)
        }
        // A conflict is not: the same id may be tried again
        #expect(throws: WorkflowError.self) {
            _ = try store.record(caseID: "C1", eventID: "E3") { _ throws(WorkflowError) in throw .conflict("busy") }
        }
        _ = try record(StoreFixtures.request("note", n: 3, eventID: "E3", second: 6), on: store)
        #expect(try store.history("C1").map(\.eventID) == ["E1", "E3"])
        #expect(try store.verifyChain(caseID: nil).problems.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aDecisionOnAStaleVersionIsAConflict(kind: StoreKind) throws {
        let store = try kind.make()
        _ = try record(StoreFixtures.request("open", n: 1), on: store)
        // A decision that claims to follow version 0 when the case is at version 1
        let stale = try StoreFixtures.engine.transition(nil, StoreFixtures.request("open", n: 9))
        #expect(throws: WorkflowError.conflict("case C1 changed while the event was decided; expected to retry")) {
            _ = try store.record(caseID: "C1", eventID: nil) { _ throws(WorkflowError) in stale }
        }
        #expect(try store.snapshot("C1")?.data == ["n": 1])
    }

    @Test(arguments: StoreKind.allCases)
    func aBatchKeepsEachItemWholeOrNotAtAll(kind: StoreKind) throws {
        let store = try kind.make()
        let requests = [
            StoreFixtures.request("open", case: "A", n: 1, eventID: "a1"),
            StoreFixtures.request("nonsense", case: "A", n: 2, eventID: "a2"),
            StoreFixtures.request("open", case: "B", n: 3, eventID: "b1"),
            StoreFixtures.request("note", case: "A", n: 4, eventID: "a3", second: 5),
            StoreFixtures.request("open", case: "A", n: 5, eventID: "a1"),
        ]
        let outcomes = try store.recordBatch(
            requests.map { request in
                BatchItem(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
                    try StoreFixtures.engine.transition(current, request)
                }
            })
        let kinds = outcomes.map { outcome -> String in
            switch outcome {
            case .success(.recorded): "recorded"
            case .success(.alreadyRecorded): "skipped"
            case .failure(let error): error.kind.rawValue
            }
        }
        #expect(kinds == ["recorded", "bad input", "recorded", "recorded", "skipped"])
        #expect(try store.history("A").map(\.event) == ["open", "note"])
        #expect(try store.snapshot("A")?.data == ["n": 4])
        #expect(try store.snapshot("B")?.version == 1)
        let verified = try store.verifyChain(caseID: nil)
        #expect(verified.events == 3)
        #expect(verified.problems.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func theDeadlineIndexFollowsTheSnapshot(kind: StoreKind) throws {
        let store = try kind.make()
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        func deadlines(_ list: [Deadline], case id: String, force: String) throws {
            var request = StoreFixtures.request("open", case: id, n: 1)
            request.force = force
            _ = try store.record(caseID: id, eventID: nil) { current throws(WorkflowError) in
                var transition = try StoreFixtures.engine.transition(current, request)
                transition.snapshot.deadlines = list
                return transition
            }
        }
        var missed = Deadline(clock: "hearing", startedAt: start, due: start.addingTimeInterval(3600), status: .missed)
        missed.settledAt = start.addingTimeInterval(3600)
        try deadlines(
            [
                Deadline(clock: "order_end", startedAt: start, due: start.addingTimeInterval(86_400 * 20)),
                Deadline(clock: "production", startedAt: start, due: start.addingTimeInterval(86_400)),
                Deadline(clock: "old", startedAt: start, due: start.addingTimeInterval(60), status: .met),
            ],
            case: "A", force: "essex")
        try deadlines([missed], case: "B", force: "kent")
        // Open deadlines, soonest first: met ones never; missed ones until decided
        let all = try store.openDeadlines(dueBefore: nil, orMissed: false, force: nil)
        #expect(all.map { "\($0.caseID):\($0.clock)" } == ["B:hearing", "A:production", "A:order_end"])
        let window = try store.openDeadlines(dueBefore: start.addingTimeInterval(7200), orMissed: false, force: nil)
        #expect(window.map(\.clock) == ["hearing"])
        let later = try store.openDeadlines(dueBefore: start.addingTimeInterval(86_401), orMissed: true, force: "essex")
        #expect(later.map(\.clock) == ["production"])
        let missedAnyTime = try store.openDeadlines(dueBefore: start, orMissed: true, force: nil)
        #expect(missedAnyTime.map { "\($0.caseID):\($0.status.rawValue)" } == ["B:missed"])
    }

    @Test(arguments: StoreKind.allCases)
    func keepsProcedureSourcesByHashAndTheFirstWriteStands(kind: StoreKind) throws {
        let store = try kind.make()
        let sources = [ScriptSource(path: "Workflows/w.lua", text: "-- w \"quoted\"\n\tand é")]
        try store.storeProcedure(hash: "h", sources: sources)
        try store.storeProcedure(hash: "h", sources: [ScriptSource(path: "other.lua", text: "")])
        #expect(try store.procedureSources("h") == sources)
        #expect(try store.procedureSources("missing") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func everyStoreHashesTheSameEventsTheSameWay(kind: StoreKind) throws {
        // Given the same events recorded at the same (fixed) times in this store and in memory
        let store = try kind.make()
        let reference = try StoreKind.memory.make()
        for target in [store, reference] {
            _ = try record(StoreFixtures.request("open", n: 1, eventID: "E1"), on: target)
            _ = try record(StoreFixtures.request("note", n: 2, eventID: "E2", second: 30), on: target)
        }
        // Then the events read back are identical, and so is every hash of the chain
        let events = try store.history("C1")
        #expect(events == (try reference.history("C1")))
        let hashes = events.reduce(into: [String]()) { hashes, event in
            hashes.append(EventHash.of(event, after: hashes.last ?? ""))
        }
        #expect(hashes.count == 2)
        let verified = try store.verifyChain(caseID: nil)
        #expect(verified.events == 2)
        #expect(verified.problems.isEmpty)
    }

    @Test(arguments: StoreKind.allCases.filter { $0 != .sqliteInMemory })
    func twoWritersOnOneCaseNeverLoseAnUpdate(kind: StoreKind) throws {
        // Given one case, and two handles on the store
        let (a, b) = try kind.twoHandles()
        _ = try record(StoreFixtures.request("open", n: 0), on: a)
        // When each fires 25 events on the same case at the same time
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = writer == 0 ? a : b
            for i in 1...25 {
                do {
                    _ = try store.record(caseID: "C1", eventID: "w\(writer)-\(i)") { current throws(WorkflowError) in
                        try StoreFixtures.engine.transition(current, StoreFixtures.request("note", n: i, second: 1))
                    }
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        // Then every event is recorded once, in sequence, and the snapshot counts them all
        #expect(failures.all.isEmpty)
        let history = try a.history("C1")
        #expect(history.count == 51)
        #expect(history.map(\.sequence) == Array(1...51))
        #expect(try b.snapshot("C1")?.version == 51)
        #expect(try a.verifyChain(caseID: nil).problems.isEmpty)
    }
}

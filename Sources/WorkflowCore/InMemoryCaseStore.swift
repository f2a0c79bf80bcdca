import Foundation

/// A `CaseStore` held in memory: for tests, and for runs that need no file.
public final class InMemoryCaseStore: CaseStore {
    private var cases: [String: CaseSnapshot] = [:]
    private var events: [String: [RecordedEvent]] = [:]
    private var eventIDs: [String: RecordedEvent] = [:]
    private var procedures: [String: [ScriptSource]] = [:]
    private let lock = NSLock()
    private let now: () -> Date

    public init(now: @escaping () -> Date = Date.init) { self.now = now }

    public func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? {
        lock.withLock { cases[id] }
    }

    public func record(
        caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition
    ) throws(WorkflowError) -> RecordOutcome {
        lock.lock()
        defer { lock.unlock() }
        if let eventID, let existing = eventIDs[eventID] { return .alreadyRecorded(existing) }
        let transition = try decide(cases[caseID])
        let recorded = RecordedEvent(transition, recordedAt: now())
        cases[caseID] = transition.snapshot
        events[caseID, default: []].append(recorded)
        if let eventID { eventIDs[eventID] = recorded }
        return .recorded(recorded, transition.snapshot)
    }

    public func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        items.map { item in
            do throws(WorkflowError) {
                return .success(try record(caseID: item.caseID, eventID: item.eventID, item.decide))
            } catch {
                return .failure(error)
            }
        }
    }

    public func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] {
        lock.withLock { events[id] ?? [] }
    }

    public func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        lock.withLock {
            cases.values
                .filter { (state == nil || $0.state == state) && (force == nil || $0.force == force) }
                .sorted { $0.id < $1.id }
        }
    }

    public func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        lock.withLock {
            cases.values.flatMap(OpenDeadline.of)
                .filter { (dueBefore == nil || $0.due < dueBefore! || (orMissed && $0.status == .missed)) && (force == nil || $0.force == force) }
                .sorted { ($0.due, $0.caseID, $0.clock) < ($1.due, $1.caseID, $1.clock) }
        }
    }

    public func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) {
        lock.withLock { procedures[hash] = sources }
    }
}

import Foundation
import Synchronization
import WorkflowCore

/// A `CaseStore` held in memory: for tests, and for runs that need no file. It keeps the same
/// hash chain and stored forms as every other store, so the contract tests and `verify` treat it
/// like any backend.
public final class InMemoryCaseStore: CaseStore {
    private struct Contents: Sendable {
        var cases: [String: CaseSnapshot] = [:]
        var log: [LedgerEntry] = []
        /// Each case's events' places in `log`, oldest first.
        var positions: [String: [Int]] = [:]
        var eventIDs: [String: RecordedEvent] = [:]
        var procedures: [String: [ScriptSource]] = [:]
        var refusals: [String: String] = [:]
        var head = ""
        var register: [RegisterChange] = []
    }

    private let contents = Mutex(Contents())
    private let now: @Sendable () -> Date
    private let keys: ChainKeys?

    public init(now: @escaping @Sendable () -> Date = Date.init, keys: ChainKeys? = nil) {
        self.now = now
        self.keys = keys
    }

    public func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot? {
        let id = Identifier.normalized(id)
        return contents.withLock { $0.cases[id] }
    }

    public func record(
        caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition
    ) throws(WorkflowError) -> RecordOutcome {
        let item = BatchItem(caseID: caseID, eventID: eventID, decide: { _ throws(WorkflowError) in throw .storage("unused") })
        let outcome: Result<RecordOutcome, WorkflowError> = contents.withLock { contents in
            Self.record(caseID: item.caseID, eventID: item.eventID, decide, into: &contents, recordedAt: now(), key: keys?.current)
        }
        return try outcome.get()
    }

    private static func record(
        caseID: String, eventID: String?, _ decide: (CaseSnapshot?) throws(WorkflowError) -> Transition,
        into contents: inout Contents, recordedAt: Date, key: ChainKey?
    ) -> Result<RecordOutcome, WorkflowError> {
        if let eventID, let existing = contents.eventIDs[eventID] { return .success(.alreadyRecorded(existing)) }
        if let eventID, let reason = contents.refusals[eventID] { return .failure(.refusedBefore(eventID: eventID, reason: reason)) }
        let current = contents.cases[caseID]
        let transition: Transition
        do throws(WorkflowError) {
            transition = try decide(current)
        } catch {
            if error.kind == .refused || error.kind == .badInput, let eventID, contents.refusals[eventID] == nil { contents.refusals[eventID] = error.message }
            return .failure(error)
        }
        guard transition.snapshot.version == (current?.version ?? 0) + 1 else {
            return .failure(.conflict("case \(caseID) changed while the event was decided; expected to retry"))
        }
        let event = RecordedEvent(transition, recordedAt: recordedAt)
        let hash = EventHash.of(event, after: contents.head)
        contents.positions[caseID, default: []].append(contents.log.count)
        contents.log.append(
            LedgerEntry(
                position: Int64(contents.log.count + 1), caseID: caseID, sequence: event.sequence, name: event.event,
                previousHash: contents.head, hash: hash, event: .success(event), mac: key?.mac(hash)))
        contents.head = hash
        // The snapshot is kept as a value; its stored text is written when asked for.
        contents.cases[caseID] = transition.snapshot
        if let eventID { contents.eventIDs[eventID] = event }
        return .success(.recorded(event, transition.snapshot))
    }

    public func recordBatch(_ items: [BatchItem]) throws(WorkflowError) -> [Result<RecordOutcome, WorkflowError>] {
        let recordedAt = now()
        return contents.withLock { contents in
            items.map { item in
                Self.record(caseID: item.caseID, eventID: item.eventID, item.decide, into: &contents, recordedAt: recordedAt, key: keys?.current)
            }
        }
    }

    public func history(_ id: String) throws(WorkflowError) -> [RecordedEvent] {
        let id = Identifier.normalized(id)
        return contents.withLock { contents in
            (contents.positions[id] ?? []).compactMap { try? contents.log[$0].event.get() }
        }
    }

    public func list(state: String?, force: String?) throws(WorkflowError) -> [CaseSnapshot] {
        contents.withLock { contents in
            contents.cases.values
                .filter { (state == nil || $0.state == state) && (force == nil || $0.force == force) }
                .sorted { $0.id < $1.id }
        }
    }

    public func cases(state: String?, force: String?, after: String?, limit: Int) throws(WorkflowError) -> CasePage {
        contents.withLock { contents in
            let page = contents.cases.values
                .filter { snapshot in
                    (state == nil || snapshot.state == state) && (force == nil || snapshot.force == force) && (after.map { snapshot.id > $0 } ?? true)
                }
                .sorted { $0.id < $1.id }
                .prefix(max(limit, 1))
            return CasePage(cases: Array(page), next: page.count < max(limit, 1) ? nil : page.last?.id)
        }
    }

    public func openDeadlines(dueBefore: Date?, orMissed: Bool, force: String?) throws(WorkflowError) -> [OpenDeadline] {
        contents.withLock { contents in
            contents.cases.values.flatMap(OpenDeadline.of)
                .filter { deadline in
                    let inWindow = dueBefore.map { deadline.due < $0 } ?? true
                    return (inWindow || (orMissed && deadline.status == .missed)) && (force == nil || deadline.force == force)
                }
                .sorted { ($0.due, $0.caseID, $0.clock) < ($1.due, $1.caseID, $1.clock) }
        }
    }

    public func storeProcedure(hash: String, sources: [ScriptSource]) throws(WorkflowError) {
        contents.withLock { contents in
            if contents.procedures[hash] == nil { contents.procedures[hash] = sources }
        }
    }

    public func procedureSources(_ hash: String) throws(WorkflowError) -> [ScriptSource]? {
        contents.withLock { $0.procedures[hash] }
    }

    public func verifyChain(caseID: String?, checkpoint: Checkpoint?) throws(WorkflowError) -> (events: Int, problems: [String]) {
        let caseID = caseID.map(Identifier.normalized)
        return contents.withLock { contents in
            var verifier = ChainVerifier(caseID: caseID, keys: keys, checkpoint: checkpoint, register: contents.register)
            for entry in contents.log { verifier.check(entry) }
            verifier.checkHead(hash: contents.head, events: contents.log.count)
            for snapshot in contents.cases.values.sorted(by: { $0.id < $1.id }) where caseID == nil || caseID == snapshot.id {
                verifier.checkSnapshot(id: snapshot.id, version: snapshot.version)
            }
            if caseID == nil { verifier.checkNoSnapshotMissing() }
            let (events, problems) = verifier.result
            return (events, problems + RegisterVerifier.problems(contents.register, keys: keys, checkpoint: checkpoint))
        }
    }

    public func chainHead() throws(WorkflowError) -> Checkpoint {
        contents.withLock { contents in
            Checkpoint(
                events: contents.log.count, head: contents.head, registerChanges: contents.register.count,
                registerHead: contents.register.last?.hash ?? "")
        }
    }

    public func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? {
        let id = Identifier.normalized(id)
        return contents.withLock { $0.cases[id]?.canonicalText }
    }

    public func registerChanges(force: String?) throws(WorkflowError) -> [RegisterChange] {
        contents.withLock { contents in contents.register.filter { force == nil || $0.force == force } }
    }

    public func recordRegisterChanges(
        force: String, _ decide: ([RegisterChange]) throws(WorkflowError) -> [RegisterChange]
    ) throws(WorkflowError) -> [RegisterChange] {
        let outcome: Result<[RegisterChange], WorkflowError> = contents.withLock { contents in
            do throws(WorkflowError) {
                let chained = RegisterHash.chain(
                    try decide(contents.register.filter { $0.force == force }), after: contents.register.last?.hash ?? "", key: keys?.current)
                contents.register += chained
                return .success(chained)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}

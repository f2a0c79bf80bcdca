import Foundation
import Ledger
import WorkflowCore

/// `apply`: JSON Lines of transitions, committed in batches, each line standing or falling alone.
extension Casework {
    public struct ApplySummary {
        public var lines = 0
        public var applied = 0
        public var skipped = 0
        public var refused = 0
        public var malformed = 0
        public var problems: [(line: Int, kind: String, message: String)] = []
    }

    /// Applies every line `reader` yields, `batchSize` lines to a transaction. `problem` is told of
    /// each refused or malformed line as it is found, `progress` of the lines read so far.
    /// With `importAs`, `reason` (required) is recorded once with the import, in the register's log.
    /// A line dated further ahead of `now` (default: the configuration's clock) than the tolerance
    /// is malformed, as `fire` refuses it.
    public func apply(
        _ reader: inout LineReader, batchSize: Int, importAs: String? = nil, reason: String? = nil, now: Date? = nil,
        problem: (Int, String, String) -> Void, progress: (Int) -> Void
    ) throws(WorkflowError) -> ApplySummary {
        var summary = ApplySummary()
        let identify = try lineIdentity(importAs: importAs, reason: reason)
        // Each case's force, read once a run (a case never changes force).
        var caseForces: [String: String] = [:]
        /// The actor checked before the batch, unless the case turned out to be of another force.
        func actor(_ checked: Actor?, _ checkedForce: String?, _ force: String, _ request: TransitionRequest) throws(WorkflowError) -> Actor {
            if let checked, checkedForce == force { return checked }
            return try identify(request, force)
        }
        var batch: [(line: Int, item: BatchItem, event: String)] = []
        // Problems wait for their batch to be decided, so they are told in line order.
        var pending: [(line: Int, kind: String, message: String)] = []

        func note(_ line: Int, _ kind: String, _ message: String) {
            switch kind {
            case "refused": summary.refused += 1
            case "malformed": summary.malformed += 1
            default: break
            }
            pending.append((line, kind, message))
        }

        func flush() throws(WorkflowError) {
            defer {
                for entry in pending.sorted(by: { $0.line < $1.line }) {
                    summary.problems.append(entry)
                    problem(entry.line, entry.kind, entry.message)
                }
                pending.removeAll()
            }
            guard !batch.isEmpty else { return }
            let outcomes = try store.recordBatch(batch.map(\.item))
            for (entry, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(.recorded): summary.applied += 1
                case .success(.alreadyRecorded(let existing)):
                    // An id recorded for an event since voided: the line's event is not on the case.
                    do throws(WorkflowError) {
                        try notVoided(.alreadyRecorded(existing), eventID: entry.item.eventID)
                    } catch {
                        note(entry.line, "malformed", error.message)
                        continue
                    }
                    summary.skipped += 1
                    if existing.caseID != entry.item.caseID || existing.event != entry.event {
                        note(
                            entry.line, "warning",
                            "id \(entry.item.eventID ?? "") is already recorded for case \(existing.caseID) (\(existing.event)); this line's \(entry.event) on case \(entry.item.caseID) was skipped"
                        )
                    }
                case .failure(let error) where error.kind == .refused || error.kind == .script:
                    note(entry.line, "refused", error.kind == .script ? "script error: \(error.message)" : error.message)
                case .failure(let error) where error.kind == .badInput:
                    note(entry.line, "malformed", error.message)
                case .failure(let error):
                    throw error
                }
            }
            batch.removeAll(keepingCapacity: true)
        }

        while let (bytes, tooLong) = reader.next() {
            summary.lines += 1
            if summary.lines % 1000 == 0 { progress(summary.lines) }
            if tooLong {
                note(reader.number, "malformed", "longer than \(LineReader.limit) bytes; expected one transition a line")
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { summary.lines -= 1; continue }
            switch ApplyLine.request(from: bytes) {
            case .failure(let error):
                note(reader.number, "malformed", error.message)
            case .success(let request):
                do throws(WorkflowError) {
                    try checkPersonsRequest(request, now: now)
                } catch {
                    note(reader.number, "malformed", error.message)
                    continue
                }
                // A line that may open a case needs its procedure stored before the batch writes.
                if request.workflow != nil || request.force != nil {
                    do throws(WorkflowError) {
                        try storeCurrentProcedure(workflow: request.workflow ?? DefaultWorkflow.name, force: request.force ?? DefaultWorkflow.nationalForce)
                    } catch {
                        note(reader.number, "refused", "\(error.kind.rawValue): \(error.message)")
                        continue
                    }
                }
                // Who the line is recorded under is decided here, before the store sees it, so an
                // identity refusal is not remembered against the event id (a stranger's line must
                // not block the rightful submitter's event with the same id).
                let opens = request.workflow != nil || request.force != nil
                var checkedForce = caseForces[request.caseID]
                if checkedForce == nil {
                    checkedForce = try store.snapshot(request.caseID)?.force ?? (opens ? request.force ?? DefaultWorkflow.nationalForce : nil)
                    caseForces[request.caseID] = checkedForce
                }
                var checkedActor: Actor?
                if let checkedForce {
                    do throws(WorkflowError) {
                        checkedActor = try identify(request, checkedForce)
                    } catch where error.kind == .refused || error.kind == .badInput {
                        note(reader.number, error.kind == .refused ? "refused" : "malformed", error.message)
                        continue
                    }
                }
                // A link names a case on record, checked as `open` and `fire` check it: the lines
                // before are recorded first, so a link to a case opened earlier in the file holds.
                var linkWarnings: [String] = []
                if let linked = Self.linkNamed(in: request, opens: opens) {
                    try flush()
                    do throws(WorkflowError) {
                        let existing = try store.snapshot(request.caseID)
                        linkWarnings = try checkLinkedCase(
                            linked, for: request.caseID, from: existing?.force ?? request.force ?? DefaultWorkflow.nationalForce, openedAt: existing?.openedAt ?? request.at)
                    } catch where error.kind == .badInput {
                        note(reader.number, "malformed", error.message)
                        continue
                    }
                }
                batch.append(
                    (
                        line: reader.number,
                        item: BatchItem(caseID: request.caseID, eventID: request.eventID) { [self] current throws(WorkflowError) in
                            var request = request
                            if let current {
                                request.actor = try actor(checkedActor, checkedForce, current.force, request)
                                return Self.adding(linkWarnings, to: try Self.changing(try engine(for: current).transition(current, request), request))
                            }
                            guard opens else { throw .unknownCase(request.caseID) }
                            let force = request.force ?? DefaultWorkflow.nationalForce
                            request.actor = try actor(checkedActor, checkedForce, force, request)
                            let engine = try engine(for: request.workflow ?? DefaultWorkflow.name, force: force)
                            return Self.adding(linkWarnings, to: try engine.transition(nil, request))
                        }, event: request.event
                    ))
                if batch.count >= batchSize { try flush() }
            }
        }
        try flush()
        return summary
    }

    /// `transition`, unless it is a correction to the value the case already holds: that is bad
    /// input, recorded by neither `fire` nor `apply` (there is nothing to put right).
    static func changing(_ transition: Transition, _ request: TransitionRequest) throws(WorkflowError) -> Transition {
        guard let field = request.data[TransitionEngine.correctedFieldKey]?.stringValue,
            transition.data[TransitionEngine.warningsKey]?.arrayValue?.contains(.string(TransitionEngine.unchangedCorrection(field))) == true
        else { return transition }
        throw .badInput(
            "\(field) already holds the value given: the correction would change nothing, and nothing was recorded; expected the value the record should hold")
    }

    /// The case a line links to: `linked_case` on a line that opens a case, or the value a
    /// correction of `linked_case` gives.
    static func linkNamed(in request: TransitionRequest, opens: Bool) -> String? {
        if request.data[TransitionEngine.correctedFieldKey]?.stringValue == "linked_case" {
            return request.data[TransitionEngine.correctedValueKey]?.stringValue
        }
        return opens ? request.data["linked_case"]?.stringValue : nil
    }

    /// Stores a workflow's current procedure for a force once per run, so cases opened under it can find it.
    func storeCurrentProcedure(workflow: String, force: String) throws(WorkflowError) {
        let version = try current(workflow, force: force)
        guard !storedProcedures.contains(version.hash) else { return }
        try store.storeProcedure(hash: version.hash, sources: version.sources)
        storedProcedures.insert(version.hash)
    }
}

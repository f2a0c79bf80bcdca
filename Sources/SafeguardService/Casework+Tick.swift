import Foundation
import WorkflowCore

/// `tick`: fires what the clocks make due.
extension Casework {
    /// What one tick did to one deadline.
    public struct TickResult {
        public var deadline: OpenDeadline
        public var outcome: Result<RecordOutcome, WorkflowError>
        /// Why the clock was left alone: its case moved on (an event, a close) between reading the
        /// index and taking the write lock, so the deadline no longer needs firing. Not a failure.
        public var skipped: String?
    }

    /// For every pending deadline due at or before `at`, case by case (one case's failure — a
    /// hook's error, a refusal, a case that cannot be read — is its result, and the rest go on): the clock's `fires` event (expire_order
    /// at an order's end) or its `on_missed` event (a missed hearing or production deadline),
    /// recorded with the engine's clock as actor at the deadline's time. Each carries an event id
    /// made from the case, clock and start, so a second tick at the same time changes nothing.
    /// - Throws: `badInput` when `at` is further ahead of the real clock than the future-time
    ///   tolerance (`SAFEGUARD_FUTURE_MINUTES`), before anything is read or written: the engine's
    ///   clock must not expire an order or record a deadline missed before its time. `due --at`
    ///   shows what a later time would bring, changing nothing.
    public func tick(at: Date, force: String?) throws(WorkflowError) -> [TickResult] {
        // The one rule for everybody, administrators included: the engine's events it would record
        // (an order expired, a hearing recorded missed) cannot be taken back.
        try checkNotAhead(
            at, subject: "tick --at \(Instant.format(at))",
            then: ", as the engine's clock must not expire orders or record deadlines missed early; 'safeguard due --at' shows what falls due by then")
        var results: [TickResult] = []
        let authentication = try staffRegister().isEmpty ? nil : "engine"
        for deadline in try store.openDeadlines(dueBefore: at.addingTimeInterval(0.001), orMissed: false, force: force)
        where deadline.status == .pending {
            // A case that cannot be read, or whose procedure cannot be loaded, is that case's
            // failure: the other cases' clocks still fire.
            let snapshot: CaseSnapshot
            let engine: TransitionEngine
            do throws(WorkflowError) {
                snapshot = try self.snapshot(deadline.caseID)
                engine = try self.engine(for: snapshot)
            } catch {
                results.append(TickResult(deadline: deadline, outcome: .failure(error)))
                continue
            }
            func pending(_ case: CaseSnapshot) -> Deadline? {
                `case`.deadlines.first { $0.clock == deadline.clock && $0.startedAt == deadline.startedAt }
            }
            // A clock that fires nothing (a visit schedule) is left for `due` to show.
            guard let due = pending(snapshot), let planned = engine.clockRequest(for: due, on: snapshot) else { continue }
            var movedOn: String?
            do throws(WorkflowError) {
                let outcome = try store.record(caseID: deadline.caseID, eventID: planned.eventID) { current throws(WorkflowError) in
                    guard let current, let due = pending(current), var request = engine.clockRequest(for: due, on: current) else {
                        movedOn = "the case moved on since the clock was read (now \(current?.state ?? "gone")); the deadline no longer needs firing"
                        throw .conflict("skipped")
                    }
                    request.actor.authentication = authentication
                    do throws(WorkflowError) {
                        // Dated after the deadline: the event says when it was due, and why it is later.
                        return engine.dated(try engine.transition(current, request), answering: due)
                    } catch {
                        if current.version != snapshot.version, error.kind == .refused {
                            movedOn = "the case moved on since the clock was read (now \(current.state)); the deadline no longer needs firing"
                        }
                        throw error
                    }
                }
                results.append(TickResult(deadline: deadline, outcome: .success(outcome)))
            } catch {
                results.append(TickResult(deadline: deadline, outcome: .failure(error), skipped: movedOn))
            }
        }
        return results
    }

}

import Foundation
import WorkflowCore

/// `migrate`: moving cases onto the current procedure, deliberately and on the record.
extension Casework {
    /// Moves `caseID` (or, with nil, every open case not on its workflow's current procedure) onto
    /// the current procedure, recording a migrate_procedure event with the reason. A case named
    /// explicitly is reported even when final; with `dryRun` nothing is recorded. A case whose
    /// state the current procedure lacks moves to the state `stateMap` names for it, and is
    /// refused without one. `at` is now when nil; given, it may be neither ahead of the clock by
    /// more than the future-time tolerance nor before a migrated case's latest event.
    ///
    /// Every argument is checked before anything is recorded, whether or not a case needs moving.
    /// Under `--all` (nil `caseID`), a force whose scripts fail to load stops only its own cases:
    /// each is reported with the script error, and the other forces' cases are migrated.
    /// A case whose workflow the current scripts lack is reported the same way (a script error).
    /// - Throws: `badInput` for an empty reason, a time ahead of the clock or before a case's
    ///   latest event, or a map naming a state the procedure lacks, a state it still has, or a
    ///   final state; `storage` or `conflict` when the database fails, which stops the run (cases
    ///   already migrated stay migrated).
    public func migrate(
        caseID: String?, dryRun: Bool, reason: String, actor: String, at given: Date?, stateMap: [String: String] = [:]
    ) throws(WorkflowError) -> [MigrationReport] {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw .badInput("migrate needs a reason; expected --reason saying why the cases move to the current procedure")
        }
        if let given { try checkNotAhead(given, subject: "migrate --at \(Instant.format(given))") }  // a migration cannot be voided
        let at = given ?? configuration.clock()
        let cases: [CaseSnapshot]
        if let caseID {
            cases = [try snapshot(caseID)]
        } else {
            cases = try store.list(state: nil, force: nil)
        }
        // First pass: load each case's current procedure and check the arguments against it.
        var plans: [(snapshot: CaseSnapshot, current: ProcedureVersion?, failure: WorkflowError?)] = []
        // Under --all, the states of every workflow's current procedure: a map into none of them
        // is a mistake whichever cases it would have applied to.
        var knownStates: Set<String> = []
        for snapshot in cases {
            let current: ProcedureVersion
            do throws(WorkflowError) {
                current = try self.current(snapshot.workflow, force: snapshot.force)
            } catch where caseID == nil && (error.kind == .script || lacksWorkflow(snapshot)) {
                // A final case stays as it is whatever its force's scripts say; its own procedure knows.
                let final = (try? engine(for: snapshot))?.workflow.state(named: snapshot.state)?.isFinal ?? false
                let failure = error.kind == .script ? error : Self.missingWorkflow(snapshot.workflow)
                if !final { plans.append((snapshot, nil, failure)) }
                continue
            }
            let workflow = try current.engine().workflow
            knownStates.formUnion(workflow.states.map(\.name))
            let final = workflow.state(named: snapshot.state)?.isFinal ?? false
            if final && caseID == nil { continue }
            // A case named is checked against every entry; under --all, each case against the
            // entry for its own state (another workflow may lack the states a map names).
            try Self.checkStateMap(stateMap, against: workflow, caseID: snapshot.id, onlyFor: caseID == nil ? snapshot.state : nil)
            if snapshot.procedure == current.hash { continue }
            if let given, given < snapshot.updatedAt {
                throw .badInput(
                    "migrate --at \(Instant.format(given)) is before case \(snapshot.id)'s latest event (\(Instant.format(snapshot.updatedAt))); expected a time at or after it"
                )
            }
            plans.append((snapshot, current, nil))
        }
        if caseID == nil, !knownStates.isEmpty {
            for (old, new) in stateMap.sorted(by: { $0.key < $1.key }) where !knownStates.contains(new) {
                throw .badInput(
                    "--map \(old)=\(new): no workflow's current procedure has a state \"\(new)\"; expected one of \(knownStates.sorted().joined(separator: ", "))")
            }
        }
        var reports: [MigrationReport] = []
        let register = try staffRegister()
        for (snapshot, current, failure) in plans {
            guard let current else {
                var report = MigrationReport(snapshot: snapshot, to: "", moves: [], refusal: failure, migrated: false)
                report.changes = []
                reports.append(report)
                continue
            }
            let engine = try current.engine()
            var report = MigrationReport(snapshot: snapshot, to: current.hash, moves: [], refusal: nil, migrated: false)
            report.changes = (try? self.engine(for: snapshot)).map { ProcedureDifference.between($0.workflow, engine.workflow) } ?? []
            do throws(WorkflowError) {
                report.moves = try engine.migration(of: snapshot, stateMap: stateMap)
                report.state = try engine.migratedState(of: snapshot, stateMap: stateMap)
                // A mapped state meets the statutory floor before anything is stored (dry run too).
                _ = try engine.migrate(snapshot, at: at, actor: Actor(id: "migration", role: "engine"), reason: reason, stateMap: stateMap)
            } catch where error.kind == .refused {
                report.refusal = error
                reports.append(report)
                continue
            }
            if !dryRun {
                // The new procedure's scripts first: the event names it, and the store refuses an
                // event whose procedure it does not hold.
                try store.storeProcedure(hash: current.hash, sources: current.sources)
                _ = try store.record(caseID: snapshot.id, eventID: nil) { stored throws(WorkflowError) in
                    guard let stored, stored.procedure == snapshot.procedure else {
                        throw .conflict("case \(snapshot.id) changed during the migration; expected to run migrate again")
                    }
                    return try engine.migrate(
                        stored, at: at, actor: try migrator(actor, force: stored.force, at: at, register), reason: reason, stateMap: stateMap)
                }
                report.migrated = true
            }
            reports.append(report)
        }
        return reports
    }

    /// Whether the scripts of the case's force load but have no workflow by the case's name (its
    /// file deleted or renamed): under `--all` that case is reported, not the whole run stopped.
    func lacksWorkflow(_ snapshot: CaseSnapshot) -> Bool {
        guard let procedure = try? procedure(force: snapshot.force) else { return false }
        return procedure.workflows[snapshot.workflow] == nil
    }

    /// The script error of a case whose workflow the current scripts lack.
    static func missingWorkflow(_ name: String) -> WorkflowError {
        .script(
            "the current scripts have no workflow \"\(name)\" (Workflows/\(name).lua); expected the workflow back, or the case left on the procedure it runs")
    }

    /// `--map old=new` is only for a state the new procedure lacks, into a state it has that is
    /// not final: a case enters a final state by its own event (`close`, with its reason and
    /// checks), never by a migration. With `onlyFor` (under `--all`), the entry for that state is
    /// checked whole and the others only for a final target: another workflow may lack the states
    /// a map names.
    static func checkStateMap(
        _ stateMap: [String: String], against workflow: WorkflowDefinition, caseID: String, onlyFor state: String? = nil
    ) throws(WorkflowError) {
        for (old, new) in stateMap.sorted(by: { $0.key < $1.key }) {
            let applies = state == nil || state == old
            if applies, workflow.state(named: old) != nil {
                throw .badInput("--map \(old)=\(new): state \(old) exists in the new procedure; expected --map only for states it lacks")
            }
            guard let target = workflow.state(named: new) else {
                guard applies else { continue }
                throw .badInput(
                    "--map \(old)=\(new): the current procedure has no state \"\(new)\"; expected one of \(workflow.states.map(\.name).joined(separator: ", "))")
            }
            if target.isFinal {
                let open = workflow.states.filter { !$0.isFinal }.map(\.name).joined(separator: ", ")
                // Under --all, name the case only when it is in the state mapped.
                let named = applies ? caseID : "CASE"
                throw .badInput(
                    "--map \(old)=\(new): \(new) is a final state, which a case enters only by its own event and that event's checks; expected a state that is not final (\(open)), then 'safeguard fire \(named) close' (or the event that ends it) once migrated"
                )
            }
        }
    }
}

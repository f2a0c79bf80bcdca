import Foundation
import WorkflowCore

/// `migrate`: moving cases onto the current procedure, deliberately and on the record.
extension Casework {
    /// Moves `caseID` (or, with nil, every open case not on its workflow's current procedure) onto
    /// the current procedure, recording a migrate_procedure event with the reason. A case named
    /// explicitly is reported even when final; with `dryRun` nothing is recorded. A case whose
    /// state the current procedure lacks moves to the state `stateMap` names for it, and is
    /// refused without one.
    /// - Throws: `badInput` for a map naming a state the procedure lacks; `storage` or `conflict`
    ///   when the database fails, which stops the run (cases already migrated stay migrated).
    public func migrate(
        caseID: String?, dryRun: Bool, reason: String, actor: String, at: Date, stateMap: [String: String] = [:]
    ) throws(WorkflowError) -> [MigrationReport] {
        let cases: [CaseSnapshot]
        if let caseID {
            cases = [try snapshot(caseID)]
        } else {
            cases = try store.list(state: nil, force: nil)
        }
        var reports: [MigrationReport] = []
        let register = try staffRegister()
        for snapshot in cases {
            let current = try current(snapshot.workflow, force: snapshot.force)
            let engine = try current.engine()
            let final = engine.workflow.state(named: snapshot.state)?.isFinal ?? false
            if snapshot.procedure == current.hash || (final && caseID == nil) { continue }
            var report = MigrationReport(snapshot: snapshot, to: current.hash, moves: [], refusal: nil, migrated: false)
            report.changes = (try? self.engine(for: snapshot)).map { ProcedureDifference.between($0.workflow, engine.workflow) } ?? []
            do throws(WorkflowError) {
                report.moves = try engine.migration(of: snapshot, stateMap: stateMap)
                report.state = try engine.migratedState(of: snapshot, stateMap: stateMap)
                // A mapped state meets the statutory floor before anything is stored (dry run too).
                _ = try engine.migrate(snapshot, at: at, actor: Actor(id: "migration", role: "engine"), reason: reason, stateMap: stateMap)
            } catch  where error.kind == .refused {
                report.refusal = error.message
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
}

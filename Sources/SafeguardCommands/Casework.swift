import Foundation
import Ledger
import Storage
import WorkflowCore
import WorkflowLua

/// One command's working set: the store, and the procedure loaded from the scripts folder.
/// Opening a case or firing an event goes through here: the store's write lock, the core's
/// decision with Lua hooks, the event and snapshot written together.
final class Casework {
    let store: any CaseStore
    private let options: GlobalOptions
    private var loaded: [String: (procedure: Procedure, hash: String)] = [:]
    /// Procedures read back from the database by hash, for cases pinned to them.
    private var pinned: [String: Procedure] = [:]
    /// Forces whose current procedure this run has stored.
    var storedProcedures: Set<String> = []

    init(_ options: GlobalOptions) throws(WorkflowError) {
        self.options = options
        store = try StoreFactory.open(options.databasePath)
    }

    /// A force's procedure from the scripts folder, loaded once per force.
    func procedure(force: String) throws(WorkflowError) -> (procedure: Procedure, hash: String) {
        if let cached = loaded[force] { return cached }
        let result = try Self.loadProcedure(options, force: force)
        loaded[force] = result
        return result
    }

    /// A force's procedure (the national one for nil) and its hash, without a database.
    static func loadProcedure(_ options: GlobalOptions, force: String?) throws(WorkflowError) -> (procedure: Procedure, hash: String) {
        let procedure = try Procedure.load(from: ScriptFolder(root: try options.scriptFolder()), force: force, limits: try options.sandboxLimits())
        return (procedure, ProcedureHash.of(procedure.sources))
    }

    func engine(for workflow: String, force: String) throws(WorkflowError) -> TransitionEngine {
        let (procedure, hash) = try procedure(force: force)
        return try procedure.engine(for: workflow, procedure: hash)
    }

    /// The engine for a case: the exact procedure it was opened under (or last migrated to), read
    /// back from the database. Editing scripts changes new cases only, until `safeguard migrate`;
    /// a mistake in the scripts folder stops new cases, never the ones already open.
    func engine(for snapshot: CaseSnapshot) throws(WorkflowError) -> TransitionEngine {
        try engine(procedure: snapshot.procedure, force: snapshot.force, workflow: snapshot.workflow)
    }

    /// The engine for a stored procedure version, by hash.
    func engine(procedure hash: String, force: String, workflow: String) throws(WorkflowError) -> TransitionEngine {
        if let current = loaded[force], current.hash == hash {
            return try current.procedure.engine(for: workflow, procedure: hash)
        }
        if let cached = pinned[hash] { return try cached.engine(for: workflow, procedure: hash) }
        guard let sources = try store.procedureSources(hash) else {
            throw .storage("procedure \(hash.prefix(12)) is not in the database; expected its scripts stored when a case first used it")
        }
        let procedure = try Procedure.load(sources: sources, force: force, limits: try options.sandboxLimits())
        guard ProcedureHash.of(procedure.sources) == hash else {
            throw .storage("the stored scripts of procedure \(hash.prefix(12)) do not hash to it; they were changed after they were stored")
        }
        pinned[hash] = procedure
        return try procedure.engine(for: workflow, procedure: hash)
    }

    /// Opens a case with the workflow's opening event.
    func open(_ request: TransitionRequest) throws(WorkflowError) -> RecordOutcome {
        let workflow = request.workflow ?? "dvpo"
        let force = request.force ?? "national"
        let engine = try engine(for: workflow, force: force)
        guard let opening = engine.workflow.events.first(where: { $0.origin == .newCase }) else {
            throw .script("\(engine.workflow.location): workflow \(workflow) has no opening event")
        }
        var request = request
        request.event = opening.name
        try store.storeProcedure(hash: engine.procedure, sources: try procedure(force: force).procedure.sources)
        return try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            if current != nil { throw .caseExists(request.caseID) }
            return try engine.transition(nil, request)
        }
    }

    /// Fires an event on an existing case.
    func fire(_ request: TransitionRequest) throws(WorkflowError) -> RecordOutcome {
        guard let existing = try store.snapshot(request.caseID) else { throw .unknownCase(request.caseID) }
        let engine = try engine(for: existing)
        return try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            guard let current else { throw .unknownCase(request.caseID) }
            return try engine.transition(current, request)
        }
    }

    /// The case, or an unknown-case error.
    func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot {
        guard let snapshot = try store.snapshot(id) else { throw .unknownCase(id) }
        return snapshot
    }
}

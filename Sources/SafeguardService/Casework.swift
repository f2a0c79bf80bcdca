import Foundation
import Ledger
import Stores
import WorkflowCore
import WorkflowLua

/// One front end's working set: the store, and the procedures loaded from the scripts folder.
/// Opening a case or firing an event goes through here: the store's write lock, the core's
/// decision with Lua hooks, the event and snapshot written together.
public final class Casework {
    let store: any CaseStore
    public let configuration: Configuration
    private var loaded: [String: Procedure] = [:]
    private var versions: [String: ProcedureVersion] = [:]
    /// Procedures read back from the database by hash, for cases pinned to them.
    private var pinned: [String: Procedure] = [:]
    /// Workflow versions whose current procedure this run has stored.
    var storedProcedures: Set<String> = []

    public init(_ configuration: Configuration) throws(WorkflowError) {
        self.configuration = configuration
        store = try StoreFactory.open(configuration.storeURL)
    }

    /// A force's procedure from the scripts folder, loaded once per force.
    public func procedure(force: String) throws(WorkflowError) -> Procedure {
        if let cached = loaded[force] { return cached }
        let procedure = try Self.loadProcedure(configuration, force: force)
        loaded[force] = procedure
        return procedure
    }

    /// The current version of a workflow under a force, from the scripts folder.
    public func current(_ workflow: String, force: String) throws(WorkflowError) -> ProcedureVersion {
        let key = "\(force)/\(workflow)"
        if let cached = versions[key] { return cached }
        let version = try ProcedureVersion(try procedure(force: force), workflow: workflow)
        versions[key] = version
        return version
    }

    /// A force's procedure (the national one for nil), without a database.
    public static func loadProcedure(_ configuration: Configuration, force: String?) throws(WorkflowError) -> Procedure {
        try Procedure.load(from: ScriptFolder(root: try configuration.scriptFolder()), force: force, limits: configuration.limits)
    }

    public func engine(for workflow: String, force: String) throws(WorkflowError) -> TransitionEngine {
        try current(workflow, force: force).engine()
    }

    /// The engine for a case: the exact procedure it was opened under (or last migrated to), read
    /// back from the database. Editing scripts changes new cases only, until `safeguard migrate`;
    /// a mistake in the scripts folder stops new cases, never the ones already open.
    public func engine(for snapshot: CaseSnapshot) throws(WorkflowError) -> TransitionEngine {
        try engine(procedure: snapshot.procedure, force: snapshot.force, workflow: snapshot.workflow)
    }

    /// The engine for a stored procedure version, by hash.
    public func engine(procedure hash: String, force: String, workflow: String) throws(WorkflowError) -> TransitionEngine {
        if let current = versions["\(force)/\(workflow)"], current.hash == hash {
            return try current.engine()
        }
        if let cached = pinned[hash] { return try cached.engine(for: workflow, procedure: hash) }
        guard let sources = try store.procedureSources(hash) else {
            throw .storage("procedure \(hash.prefix(12)) is not in the database; expected its scripts stored when a case first used it")
        }
        let procedure = try Procedure.load(sources: sources, force: force, limits: configuration.limits)
        guard ProcedureVersion.sources(procedure.sources, hashTo: hash) else {
            throw .storage("the stored scripts of procedure \(hash.prefix(12)) do not hash to it; they were changed after they were stored")
        }
        pinned[hash] = procedure
        return try procedure.engine(for: workflow, procedure: hash)
    }

    /// Opens a case with the workflow's opening event.
    public func open(_ request: TransitionRequest) throws(WorkflowError) -> RecordOutcome {
        let workflow = request.workflow ?? DefaultWorkflow.name
        let force = request.force ?? DefaultWorkflow.nationalForce
        let version = try current(workflow, force: force)
        let engine = try version.engine()
        guard let opening = engine.workflow.events.first(where: { $0.origin == .newCase }) else {
            throw .script("\(engine.workflow.location): workflow \(workflow) has no opening event")
        }
        var request = request
        request.event = opening.name
        try store.storeProcedure(hash: version.hash, sources: version.sources)
        return try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            if current != nil { throw .caseExists(request.caseID) }
            return try engine.transition(nil, request)
        }
    }

    /// Fires an event on an existing case.
    public func fire(_ request: TransitionRequest) throws(WorkflowError) -> RecordOutcome {
        guard let existing = try store.snapshot(request.caseID) else { throw .unknownCase(request.caseID) }
        let engine = try engine(for: existing)
        return try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
            guard let current else { throw .unknownCase(request.caseID) }
            return try engine.transition(current, request)
        }
    }

    /// The case, or an unknown-case error.
    public func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot {
        guard let snapshot = try store.snapshot(id) else { throw .unknownCase(id) }
        return snapshot
    }
}

import Foundation
import Ledger
import Storage
import Stores
import WorkflowCore
import WorkflowLua

/// One front end's working set: the store, and the procedures loaded from the scripts folder.
/// Opening a case or firing an event goes through here: the store's write lock, the core's
/// decision with Lua hooks, the event and snapshot written together.
public final class Casework {
    let store: any CaseStore
    /// Set only for the span of `acting(as:_:)`, which lends a request's token.
    public internal(set) var configuration: Configuration
    /// The record's keys, from the key file (nil when a read-only command found none).
    let keys: ChainKeys?
    /// Where the keys live (nil for a store in memory or one the caller opened).
    let keyFile: String?
    private var loaded: [String: Procedure] = [:]
    private var versions: [String: ProcedureVersion] = [:]
    /// Procedures read back from the database by hash, for cases pinned to them.
    private var pinned: [String: Procedure] = [:]
    /// Workflow versions whose current procedure this run has stored.
    var storedProcedures: Set<String> = []
    private var register: ForceRegister?
    /// The staff register as this worker last checked it whole (hashes, MACs, keys): a register
    /// read again unchanged is not checked again, so a server's request, authenticated and then
    /// written, checks it once, not twice. Any change to any row is checked anew.
    var checkedRegister: [RegisterChange]?
    /// How many times the register was checked whole (for tests).
    var registerChecks = 0
    /// Set when this run took an actor as claimed (the store keeps no staff register): a front
    /// end then warns after the write (`claimedIdentitiesWarning`).
    public internal(set) var claimedIdentities = false

    /// Opens the configuration's store: `.readOnly` for commands that only read (they never wait
    /// for a writer and never change the file), `checkIntegrity` for bulk writes.
    public init(_ configuration: Configuration, access: StoreOptions.Access = .readWrite, checkIntegrity: Bool = false) throws(WorkflowError) {
        self.configuration = configuration
        var options = configuration.store
        options.access = access
        options.checkIntegrity = checkIntegrity
        keyFile = try KeyFile.path(explicit: configuration.keyFile, storeURL: configuration.storeURL)
        let ephemeral = try KeyFile.makesEphemeralKey(storeURL: configuration.storeURL)
        let creates = access == .readWrite && (keyFile != nil || ephemeral)
        // A key is made only with a new database: an existing one's record was signed with the key
        // file it was created with, and a fresh key would sign what nothing else can check.
        if creates, let keyFile, !FileManager.default.fileExists(atPath: keyFile), try KeyFile.databaseHoldsData(configuration.storeURL) {
            throw .storage(
                "the key file \(keyFile) is missing, but the database already holds a record; expected the key file it was created with (restore it, or name it with --key-file)"
            )
        }
        options.keys = try KeyFile.load(keyFile, create: creates)
        keys = options.keys
        store = try StoreFactory.open(configuration.storeURL, options: options, now: configuration.clock)
    }

    /// Another worker on the same store, keys and key file (a server's pool: one `Casework` per
    /// worker, each with its own Lua interpreters, over one store).
    public init(sharing other: Casework) {
        configuration = other.configuration
        store = other.store
        keys = other.keys
        keyFile = other.keyFile
    }

    /// Case work on a store the caller opened (a server's shared store, a test's instrumented one).
    public init(_ configuration: Configuration, store: any CaseStore, keys: ChainKeys? = nil) {
        self.configuration = configuration
        self.store = store
        self.keys = keys
        self.keyFile = nil
    }

    /// Whether the configuration's store is an SQLite path with no database file there yet.
    public static func namesMissingDatabase(_ configuration: Configuration) -> Bool {
        StoreFactory.namesMissingFile(configuration.storeURL)
    }

    /// The forces a case may belong to, read once.
    public func forces() throws(WorkflowError) -> ForceRegister {
        if let register { return register }
        let loaded = try ForceRegister.load(configuration)
        register = loaded
        return loaded
    }

    /// A force's procedure from the scripts folder, loaded once per force. A force not in the
    /// register is bad input (a misspelt force would otherwise run the national procedure alone).
    public func procedure(force: String) throws(WorkflowError) -> Procedure {
        if let cached = loaded[force] { return cached }
        _ = try forces().check(force)
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

    /// Opens a case with the workflow's opening event. With no workflow named, the regime table
    /// chooses it from the force, `area` and the London date of the opening event; the area is
    /// recorded on the case when the workflow's opening event takes an `area` field.
    public func open(_ request: TransitionRequest, area named: String? = nil) throws(WorkflowError) -> RecordOutcome {
        let force = request.force ?? DefaultWorkflow.nationalForce
        let area = try Self.area(named, data: request.data["area"]?.stringValue)
        let workflow: String
        // When the table chose other than the usual workflow, a refusal says so: the officer who
        // expected a DVPN is not left guessing why the fields are a DAPN's.
        var chosen: String?
        if let named = request.workflow {
            try checkNamedWorkflow(named, force: force, area: area, at: request.at)
            workflow = named
        } else {
            workflow = try chooseWorkflow(force: force, area: area, at: request.at)
            if workflow != DefaultWorkflow.name {
                chosen = "\(workflow) (chosen by the regime table for \(force) on \(London.date(of: request.at)))"
            }
        }
        let version = try current(workflow, force: force)
        let engine = try version.engine()
        guard let opening = engine.workflow.events.first(where: { $0.origin == .newCase }) else {
            throw .script("\(engine.workflow.location): workflow \(workflow) has no opening event")
        }
        var request = try authenticated(request, force: force)
        request.event = opening.name
        request.workflow = workflow
        if let area, opening.field(named: "area") != nil {
            request.data["area"] = .string(area)
        }
        let linkWarnings = try request.data["linked_case"]?.stringValue.map { linked throws(WorkflowError) in
            try checkLinkedCase(linked, for: request.caseID, from: force, openedAt: request.at)
        } ?? []
        try checkPersonsRequest(request)
        try store.storeProcedure(hash: version.hash, sources: version.sources)
        do throws(WorkflowError) {
            return try Self.sameEvent(
                try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
                    if current != nil { throw .caseExists(request.caseID) }
                    do throws(WorkflowError) {
                        return Self.adding(linkWarnings, to: try engine.transition(nil, request))
                    } catch {
                        guard let chosen, error.kind == .badInput || error.kind == .refused else { throw error }
                        throw WorkflowError(error.kind, "\(chosen): \(error.message)")
                    }
                }, request)
        } catch {
            throw NameSuggestion.add(to: error, request, workflow: engine.workflow)
        }
    }

    /// A link must name a case on record, so a mistyped id cannot link a case to nothing; the value
    /// is echoed only when it looks like a case id (it may be personal data typed by mistake).
    /// - Returns: warnings, never refusals, for a link the store shows to be unlikely: a case of
    ///   another force than `force`, or one opened after `openedAt` (this case follows the linked
    ///   one). Neither is against the law, so neither is refused.
    func checkLinkedCase(_ linked: String, for caseID: String, from force: String, openedAt: Date) throws(WorkflowError) -> [String] {
        let shown = linked.count <= 40 && linked.allSatisfy({ $0.isLetter || $0.isNumber || "-_/.".contains($0) }) ? "linked_case \(linked)" : "the linked_case given"
        if Identifier.normalized(linked) == Identifier.normalized(caseID) {
            throw .badInput("\(shown) names this case itself; expected the id of the notice or order case this one follows")
        }
        guard let found = try store.snapshot(linked) else {
            throw .badInput("\(shown) names no case on record; expected the id of the notice or order case this one follows")
        }
        guard Self.linkableWorkflows.contains(found.workflow) else {
            throw .badInput(
                "\(shown) is a \(found.workflow) case; expected the id of a notice or order case (\(Self.linkableWorkflows.joined(separator: ", ")))")
        }
        var warnings: [String] = []
        if found.force != force {
            warnings.append("linked_case names a case of force \(found.force), not \(force); check the id is the case this one follows")
        }
        if found.openedAt > openedAt {
            warnings.append(
                "linked_case names a case opened after this one (\(Instant.format(found.openedAt)), this case \(Instant.format(openedAt))); check the id is the case this one follows")
        }
        return warnings
    }

    /// The transition with `warnings` added to those its event records.
    static func adding(_ warnings: [String], to transition: Transition) -> Transition {
        guard !warnings.isEmpty else { return transition }
        var added = transition
        let given = transition.data[TransitionEngine.warningsKey]?.arrayValue ?? []
        added.data[TransitionEngine.warningsKey] = .array(given + warnings.map { .string($0) })
        return added
    }

    /// The workflows whose cases a `linked_case` may name: protection notices and orders. A Clare's
    /// Law request is not one: a request or an order following it links to the notice or order case.
    static let linkableWorkflows = ["dapo", "dvpo", "restraining_order"]

    /// Fires an event on an existing case.
    public func fire(_ request: TransitionRequest) throws(WorkflowError) -> RecordOutcome {
        guard let existing = try store.snapshot(request.caseID) else { throw .unknownCase(request.caseID) }
        let request = try authenticated(request, force: existing.force)
        try checkPersonsRequest(request)
        let engine = try engine(for: existing)
        var linkWarnings: [String] = []
        if engine.workflow.event(named: request.event)?.corrects == true,
            request.data[TransitionEngine.correctedFieldKey]?.stringValue == "linked_case",
            let linked = request.data[TransitionEngine.correctedValueKey]?.stringValue
        {
            linkWarnings = try checkLinkedCase(linked, for: existing.id, from: existing.force, openedAt: existing.openedAt)
        }
        // The correction's own checks (the value's type, a statutory limit) speak first.
        if engine.workflow.event(named: request.event)?.corrects == true {
            let trial = try engine.transition(existing, request)
            // A correction that changes nothing is not recorded: there is nothing to put right.
            if let field = request.data[TransitionEngine.correctedFieldKey]?.stringValue,
                trial.data[TransitionEngine.warningsKey]?.arrayValue?.contains(.string(TransitionEngine.unchangedCorrection(field))) == true
            {
                throw .badInput(
                    "\(field) already holds the value given: the correction would change nothing, and nothing was recorded; expected the value the record should hold")
            }
        }
        let checked = try correctionChecks(request, on: existing, engine: engine)
        let stale = linkWarnings + checked + [staleDerivedWarning(request, on: existing, engine: engine)].compactMap { $0 }
        do throws(WorkflowError) {
            let outcome = try Self.sameEvent(
                try store.record(caseID: request.caseID, eventID: request.eventID) { current throws(WorkflowError) in
                    guard let current else { throw .unknownCase(request.caseID) }
                    return Self.adding(stale, to: try engine.transition(current, request))
                }, request)
            try notVoided(outcome, eventID: request.eventID)
            return outcome
        } catch {
            throw NameSuggestion.add(to: error, request, workflow: engine.workflow)
        }
    }

    /// An event id already recorded is this request done before (nothing changes), unless it was
    /// recorded for another case or event: then the id is a mistake, and saying "nothing changed"
    /// would hide that this request was never recorded.
    static func sameEvent(_ outcome: RecordOutcome, _ request: TransitionRequest) throws(WorkflowError) -> RecordOutcome {
        if case .alreadyRecorded(let existing) = outcome, existing.caseID != request.caseID || existing.event != request.event {
            throw .badInput(
                "event id \(request.eventID ?? "") is already recorded for case \(existing.caseID) (\(existing.event)); expected a new event id for this \(request.event) on case \(request.caseID)"
            )
        }
        return outcome
    }

    /// An event id already recorded for an event since voided is not this request done before: the
    /// event is not on the case, and "nothing changed" would hide that. The id stays recorded with
    /// the voided event, so the event is recorded again under a new id.
    func notVoided(_ outcome: RecordOutcome, eventID: String?) throws(WorkflowError) {
        guard case .alreadyRecorded(let existing) = outcome else { return }
        let events = try store.history(existing.caseID)
        guard let void = events.first(where: { $0.event == Self.voidEvent && $0.data["event"]?.integerValue == existing.sequence }) else { return }
        throw .badInput(
            "event id \(eventID ?? "") was recorded for event \(existing.sequence) (\(existing.event)) of case \(existing.caseID), voided by event \(void.sequence); nothing changed; expected a new event id to record it again"
        )
    }

    /// What a person's request (`open`, `fire`, an `apply` line) may not carry, checked before the
    /// store is touched: an event id of the clock's, or a time ahead of the clock.
    func checkPersonsRequest(_ request: TransitionRequest, now given: Date? = nil) throws(WorkflowError) {
        // The clock's event ids (`tick:…`) are the engine's: an id taken in advance by a person
        // would stop `tick` firing that deadline (an order never expiring, a missed hearing unrecorded).
        if let id = request.eventID, id.hasPrefix(TransitionEngine.clockEventIDPrefix) {
            throw .badInput("event ids beginning \(TransitionEngine.clockEventIDPrefix) are kept for the events the engine's clock records; expected another id")
        }
        try checkNotAhead(request, now: given)
        try checkBirthDates(request)
    }

    /// A date of birth (a field named `…_dob`, given or corrected) after the event's own day is a
    /// slip: nobody is born after the incident recorded about them. Bad input, checked on a
    /// person's request only, so a record made before this check still replays. The value is
    /// never echoed (it is personal data).
    func checkBirthDates(_ request: TransitionRequest) throws(WorkflowError) {
        var given = request.data.filter { $0.key.hasSuffix("_dob") }
        if let field = request.data[TransitionEngine.correctedFieldKey]?.stringValue, field.hasSuffix("_dob"),
            let value = request.data[TransitionEngine.correctedValueKey]
        {
            given[field] = value
        }
        // Most lines give no date of birth: the event's day in London is found only for one that does.
        guard !given.isEmpty else { return }
        let day = London.date(of: request.at)
        for (name, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let text = value.stringValue, let born = LocalDate(iso: text) else { continue }
            if born > day {
                throw .badInput(
                    "\(name) is after the day of this \(request.event.isEmpty ? "event" : request.event) (\(day)); expected a date of birth on or before it")
            }
            // A corrected date of birth is one the event that first gave it could have recorded.
            guard request.data[TransitionEngine.correctedFieldKey]?.stringValue == name, let first = try firstGiving(name, of: request.caseID) else { continue }
            let given = London.date(of: first.at)
            if born > given {
                throw .badInput(
                    "\(name) is after the day of \(first.event) (event \(first.sequence), \(given)), which first recorded it; expected a date of birth on or before that day")
            }
        }
    }

    /// The earliest event in force on case `caseID` that recorded `field` as its own data.
    func firstGiving(_ field: String, of caseID: String) throws(WorkflowError) -> RecordedEvent? {
        guard let events = try? store.history(caseID) else { return nil }
        let voided = Self.voidedSequences(events)
        return events.first { event in
            event.event != Self.voidEvent && !voided.contains(event.sequence) && event.data[field] != nil
                && event.data[TransitionEngine.correctedFieldKey] == nil
        }
    }

    /// Refuses an event dated further ahead of the clock (or of `now`, when given) than the
    /// configured tolerance: once recorded, every later event would be "before the case's latest event".
    func checkNotAhead(_ request: TransitionRequest, now given: Date? = nil) throws(WorkflowError) {
        try checkNotAhead(request.at, subject: "time \(Instant.format(request.at)) for \(request.event)", now: given)
    }

    /// Refuses a time further ahead of the clock (or of `--now`) than the future-time tolerance:
    /// the one rule for an event, a migration and the clock's own `tick`. `subject` names what was
    /// dated; `then` says why, after the expectation.
    /// `subject` is made only for the message (formatting the time for every line applied was a
    /// measurable part of `apply`).
    func checkNotAhead(_ at: Date, subject: @autoclosure () -> String, now given: Date? = nil, then: String = "") throws(WorkflowError) {
        let now = given ?? configuration.clock()
        guard at.timeIntervalSince(now) > configuration.futureTolerance else { return }
        let minutes = Int(configuration.futureTolerance / 60)
        throw .badInput(
            "\(subject()) is ahead of the clock (now \(Instant.format(now))); expected a time no more than \(minutes) minutes from now (SAFEGUARD_FUTURE_MINUTES\(given == nil ? "" : ", --now"))\(then)"
        )
    }

    /// The case, or an unknown-case error.
    public func snapshot(_ id: String) throws(WorkflowError) -> CaseSnapshot {
        guard let snapshot = try store.snapshot(id) else { throw .unknownCase(id) }
        return snapshot
    }
}

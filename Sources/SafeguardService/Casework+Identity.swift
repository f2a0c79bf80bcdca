import Foundation
import Ledger
import WorkflowCore

/// Who may act. Once a store keeps a staff register (`safeguard init`), every transition's actor
/// is the person whose token the command runs with, in the role their register entry held at the
/// event's time; a store without one takes actors as given, for trials and tests.
extension Casework {
    /// The one line a front end shows after each write to a store without a staff register.
    public static let claimedIdentitiesWarning =
        "this store keeps no staff register, so actors and roles are recorded as claimed, not proven; expected 'safeguard init' to set one up before real casework"

    /// Whether the store keeps no staff register, so every identity in it is claimed, not proven.
    public func identitiesClaimed() throws(WorkflowError) -> Bool {
        try staffRegister().isEmpty
    }

    /// How the store's identities stand: `claimed` (no staff register), `registered`, or `mixed` (a
    /// register, but some events of `caseID`'s, or of any case, were recorded before it, as claimed).
    public func identities(caseID: String? = nil) throws(WorkflowError) -> String {
        if try identitiesClaimed() { return "claimed" }
        let cases: [String]
        if let caseID { cases = [caseID] } else { cases = try store.list(state: nil, force: nil).map(\.id) }
        for id in cases {
            if try store.history(id).contains(where: { $0.actor.authentication == nil && !$0.actor.claimsEngine }) { return "mixed" }
        }
        return "registered"
    }

    /// `identities(caseID:)` from what a verify pass saw, without reading every history again
    /// (read again only when the pass was cut short).
    public func identities(after pass: VerifyResult, caseID: String?) throws(WorkflowError) -> String {
        guard pass.complete else { return try identities(caseID: caseID) }
        if try identitiesClaimed() { return "claimed" }
        return pass.claimedActors ? "mixed" : "registered"
    }

    /// The staff registers as stored now.
    public func staffRegister() throws(WorkflowError) -> StaffRegister {
        let register = StaffRegister(try store.registerChanges(force: nil))
        if register.isEmpty, KeyFile.marksRegister(keyFile) {
            throw .storage(
                "the key file says this store keeps a staff register, but the database holds none; it was deleted behind the engine's back (see 'safeguard verify --checkpoint')"
            )
        }
        return register
    }

    /// The person the command's token belongs to, with their entry as it now stands.
    /// - Throws: `refused` with no token, a token the register did not issue (or since replaced),
    ///   or an entry no longer valid.
    func tokenHolder(_ register: StaffRegister) throws(WorkflowError) -> RegisterChange {
        try checkRegister(register)
        guard let token = configuration.token else {
            throw .refused(
                "this store keeps a staff register, so every change needs the personal token of whoever makes it; expected it in SAFEGUARD_TOKEN or --token-file (issued by 'safeguard staff token')"
            )
        }
        guard let holder = register.holder(ofTokenHash: TokenHash.of(token)), let latest = register.latest(force: holder.force, id: holder.id) else {
            throw .refused("the token given is not one the staff register issued, or it was replaced by a newer one; expected your current token")
        }
        let now = configuration.clock()
        guard latest.entry.isValid(at: now) else {
            if latest.entry.validFrom > now {
                throw .refused(
                    "\(latest.entry.id)'s register entry (\(latest.force)) begins at \(Instant.format(latest.entry.validFrom)); expected a person whose entry is valid now"
                )
            }
            throw .refused("\(latest.entry.id)'s register entry (\(latest.force)) is retired or expired; expected a person whose entry is valid now")
        }
        return latest
    }

    /// The register's hashes and MACs, unless this worker found these very changes intact already
    /// (the check is a function of the changes and the record's keys alone).
    func checkRegister(_ register: StaffRegister) throws(WorkflowError) {
        guard register.changes != checkedRegister else { return }
        registerChecks += 1
        if let problem = RegisterVerifier.problems(register.changes, keys: keys).first {
            throw .storage("the staff register fails its check (\(problem)); expected an unaltered register (see 'safeguard verify')")
        }
        checkedRegister = register.changes
    }

    /// The actor a request is recorded under: for a store with a register, the token's holder in
    /// a role they held at the event's time in the case's force; else the actor as given.
    func authenticated(_ request: TransitionRequest, force: String) throws(WorkflowError) -> TransitionRequest {
        try refuseEngineClaim(request.actor)
        let register = try staffRegister()
        guard !register.isEmpty else {
            guard !request.actor.id.isEmpty, !request.actor.role.isEmpty else {
                throw .badInput("no actor given; expected --actor ID and --role R (or a staff register and a token: see 'safeguard init')")
            }
            // A case whose events were proven by a register is not written to on claims: the
            // register was deleted (and the key file's marker stripped) behind the engine's back.
            if try store.history(request.caseID).contains(where: { $0.actor.registerVersion != nil }) {
                throw .storage(
                    "case \(request.caseID) holds events proven by a staff register, but the database holds none; it was deleted behind the engine's back (see 'safeguard verify')"
                )
            }
            claimedIdentities = true
            return request
        }
        let holder = try tokenHolder(register)
        if !request.actor.id.isEmpty, request.actor.id != holder.entry.id {
            throw .refused("--actor \(request.actor.id) is not the holder of the token given (\(holder.entry.id)); expected no --actor, or your own id")
        }
        var request = request
        request.actor = try registered(
            id: holder.entry.id, role: request.actor.role, force: force, at: request.at, register, tokenForce: holder.force,
            authentication: "token")
        return request
    }

    /// A person on the case's force's register, in the role they claim (or their first), as their
    /// entry stood at `at`.
    func registered(
        id: String, role: String, force: String, at: Date, _ register: StaffRegister, tokenForce: String? = nil, authentication: String
    ) throws(WorkflowError) -> Actor {
        if let tokenForce, tokenForce != force {
            throw .refused("\(id) is on the staff register of \(tokenForce), not \(force); expected an officer or staff member of the case's force")
        }
        guard register.latest(force: force, id: id) != nil else {
            throw .refused("\(id) is not on the staff register of \(force); expected a person the force's administrator has registered")
        }
        let time = Instant.format(at)
        guard let version = register.entry(force: force, id: id, at: at) else {
            throw .refused("\(id) was not yet on the staff register of \(force) at \(time); expected an event within the entry's dates")
        }
        guard version.entry.isValid(at: at) else {
            throw .refused(
                "\(id)'s register entry (\(force)) was not valid at \(time): retired, expired or not yet begun; expected an event within the entry's dates")
        }
        let chosen = role.isEmpty ? (version.entry.roles.first ?? "") : role
        guard version.entry.roles.contains(chosen) else {
            throw .refused(
                "\(id) did not hold the role \(chosen) at \(time) (the register gives \(version.entry.roles.joined(separator: ", "))); expected a role the person holds"
            )
        }
        return Actor(id: id, role: chosen, authentication: authentication, registerVersion: version.version)
    }

    /// Nobody but the engine's clock (`tick`) acts as `engine`.
    func refuseEngineClaim(_ actor: Actor) throws(WorkflowError) {
        if actor.claimsEngine {
            throw .refused("only the engine's clock (safeguard tick) acts as engine; expected a person's id and role")
        }
    }

    /// How `apply` records each line's actor, given the line and its case's force. With a register,
    /// the run needs a valid person's token; each line's actor must be the token's holder, or the
    /// holder must be an administrator of the case's force (a force system's batch, recorded as
    /// `batch:<administrator>`); either way the actor must be on the case's force's register at the
    /// line's time, in a role held then. With `importAs`, history from an older system keeps its
    /// actors as written and every event it writes is recorded as `import:<identity>`: this needs
    /// an administrator's token and a reason, writes only cases of the administrator's own force
    /// that hold nothing but imported events (so an import never adds to live casework), at times
    /// not after the import; the run is first recorded as an `import` change in the register's
    /// chained log (who, why, under which identity), and every event it writes names that change
    /// as its `registerVersion`. `apply` asks before a line reaches the store, so an identity
    /// refusal is never remembered as the decision on the line's event id.
    func lineIdentity(importAs: String?, reason: String? = nil) throws(WorkflowError) -> (TransitionRequest, String) throws(WorkflowError) -> Actor {
        let register = try staffRegister()
        if register.isEmpty {
            if importAs != nil { throw .badInput("--import-as needs a staff register; expected a store set up with 'safeguard init'") }
            claimedIdentities = true
            return { request, _ throws(WorkflowError) in
                try self.refuseEngineClaim(request.actor)
                return request.actor
            }
        }
        let holder = try tokenHolder(register)
        let isAdministrator = holder.entry.roles.contains(StaffEntry.administrator)
        if let importAs {
            guard isAdministrator else {
                throw .refused("--import-as needs an administrator's token; \(holder.entry.id) is not an administrator")
            }
            let name = Identifier.normalized(importAs)
            guard !name.isEmpty else { throw .badInput("--import-as is empty; expected the name of the system the history comes from") }
            if let problem = Identifier.problem(name, what: "--import-as") { throw problem }
            let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                throw .badInput("--import-as needs --reason; expected why this history is imported (recorded with the import and shown in each event's history)")
            }
            let now = configuration.clock()
            let recorded = try store.recordRegisterChanges(force: holder.force) { existing throws(WorkflowError) in
                guard let latest = StaffRegister(existing).latest(force: holder.force, id: holder.entry.id) else {
                    throw .refused("\(holder.entry.id) is no longer on the staff register of \(holder.force); expected an administrator")
                }
                return [
                    RegisterChange(
                        force: holder.force, sequence: existing.count + 1, kind: .importHistory, entry: latest.entry, effective: now,
                        by: holder.entry.id, reason: reason, recordedAt: now, importAs: name)
                ]
            }[0]
            // Whether each case may take imported events, asked once per case in the run.
            var importable: [String: Bool] = [:]
            return { request, force throws(WorkflowError) in
                try self.refuseEngineClaim(request.actor)
                guard force == holder.force else {
                    throw .refused(
                        "an import by \(holder.entry.id) writes only cases of \(holder.force), and case \(request.caseID) is of \(force); expected that force's administrator to import it")
                }
                guard request.at <= now else {
                    throw .badInput(
                        "imported \(request.event) at \(Instant.format(request.at)) is after the import (\(Instant.format(now))); expected history from before it")
                }
                if importable[request.caseID] == nil {
                    let history = try self.store.history(request.caseID)
                    importable[request.caseID] = history.allSatisfy { $0.actor.authentication?.hasPrefix("import:") == true }
                }
                guard importable[request.caseID] == true else {
                    throw .refused(
                        "case \(request.caseID) holds events not written by an import; expected an import to create new cases only, never to add to live casework")
                }
                return Actor(id: request.actor.id, role: request.actor.role, authentication: "import:\(name)", registerVersion: recorded.version)
            }
        }
        return { request, force throws(WorkflowError) in
            try self.refuseEngineClaim(request.actor)
            if holder.force != force {
                throw .refused(
                    "\(holder.entry.id) is on the staff register of \(holder.force), not \(force); expected an officer or staff member of the case's force")
            }
            if request.actor.id != holder.entry.id, !isAdministrator {
                throw .refused(
                    "the line's actor \(request.actor.id) is not the holder of the token given (\(holder.entry.id)); expected your own id, or an administrator of \(force)'s token for a force system's batch")
            }
            return try self.registered(
                id: request.actor.id, role: request.actor.role, force: force, at: request.at, register, authentication: "batch:\(holder.entry.id)")
        }
    }

    /// Who records a migration: as given without a register; with one, the token's holder, an
    /// administrator of the case's force.
    func migrator(_ claimed: String, force: String, at: Date, _ register: StaffRegister) throws(WorkflowError) -> Actor {
        guard !register.isEmpty else {
            claimedIdentities = true
            return Actor(id: claimed, role: StaffEntry.administrator)
        }
        let holder = try tokenHolder(register)
        return try registered(
            id: holder.entry.id, role: StaffEntry.administrator, force: force, at: at, register, tokenForce: holder.force,
            authentication: "token")
    }
}

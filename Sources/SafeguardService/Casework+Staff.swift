import Foundation
import Ledger
import WorkflowCore

/// Managing the staff register: every change is a register change, hash-chained, naming the
/// administrator who made it and why. Only an administrator of the force (by their token) may
/// change its register; the first administrator is made by `initialise`.
extension Casework {
    /// What a change to the register asks for; nil fields keep what the entry had.
    public struct StaffChange: Sendable {
        public var id: String
        public var name: String?
        public var roles: [String]?
        public var validFrom: Date?
        public var validUntil: Date?
        /// From when an update applies (default: now).
        public var effective: Date?
        public var reason: String

        public init(
            id: String, name: String? = nil, roles: [String]? = nil, validFrom: Date? = nil, validUntil: Date? = nil,
            effective: Date? = nil, reason: String
        ) {
            self.id = id
            self.name = name
            self.roles = roles
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.effective = effective
            self.reason = reason
        }
    }

    /// Sets up a force's register with its first administrator and returns their token (shown
    /// once, stored only as its hash). On a store with no register anybody may do it; once one
    /// exists, only an administrator (of any force) may start another force's.
    public func initialise(force: String, administrator change: StaffChange) throws(WorkflowError) -> (RegisterChange, token: String) {
        let register = try staffRegister()
        let by: String
        if register.isEmpty {
            by = Identifier.normalized(change.id)
        } else {
            let holder = try tokenHolder(register)
            guard holder.entry.roles.contains(StaffEntry.administrator) else {
                throw .refused(
                    "this store already keeps a staff register; starting another force's needs an administrator's token, and \(holder.entry.id) is not one")
            }
            by = holder.entry.id
        }
        var roles = change.roles ?? []
        if !roles.contains(StaffEntry.administrator) { roles.append(StaffEntry.administrator) }
        let token = TokenHash.newToken()
        let now = configuration.clock()
        let written = try store.recordRegisterChanges(force: force) { existing throws(WorkflowError) in
            guard existing.isEmpty else {
                throw .badInput("the staff register of \(force) already exists; expected 'safeguard staff add' to add people to it")
            }
            let entry = try Self.newEntry(change, force: force, roles: roles, now: now)
            return [
                RegisterChange(
                    force: force, sequence: 1, kind: .initialise, entry: entry, effective: entry.validFrom, by: by,
                    reason: change.reason, recordedAt: now),
                RegisterChange(
                    force: force, sequence: 2, kind: .token, entry: entry, effective: entry.validFrom, tokenHash: TokenHash.of(token),
                    by: by, reason: "first administrator's token", recordedAt: now),
            ]
        }
        try KeyFile.markRegister(keyFile)
        return (written[0], token)
    }

    /// Adds people to a force's register (one, or a whole HR export).
    public func addStaff(force: String, _ changes: [StaffChange]) throws(WorkflowError) -> [RegisterChange] {
        let admin = try administrator(of: force)
        let now = configuration.clock()
        return try store.recordRegisterChanges(force: force) { existing throws(WorkflowError) in
            let register = StaffRegister(existing)
            var seen: Set<String> = []
            return try changes.enumerated().map { offset, change throws(WorkflowError) in
                let id = Identifier.normalized(change.id)
                guard register.latest(force: force, id: id) == nil, seen.insert(id).inserted else {
                    throw .badInput("\(id) is already on the staff register of \(force); expected 'safeguard staff update' to change their entry")
                }
                let entry = try Self.newEntry(change, force: force, roles: change.roles ?? [], now: now)
                return RegisterChange(
                    force: force, sequence: existing.count + offset + 1, kind: .add, entry: entry, effective: entry.validFrom,
                    by: admin, reason: change.reason, recordedAt: now)
            }
        }
    }

    /// Changes a person's name, roles or dates from `effective` on (default now); with `retire`,
    /// ends their entry at `validUntil` (default now).
    public func updateStaff(force: String, _ change: StaffChange, retire: Bool = false) throws(WorkflowError) -> RegisterChange {
        let admin = try administrator(of: force)
        let now = configuration.clock()
        return try store.recordRegisterChanges(force: force) { existing throws(WorkflowError) in
            let id = Identifier.normalized(change.id)
            let register = StaffRegister(existing)
            guard var entry = register.latest(force: force, id: id)?.entry else {
                throw .badInput("\(id) is not on the staff register of \(force); expected the id of a registered person")
            }
            let before = entry
            if let name = change.name { entry.name = try Self.checkedName(name) }
            if let roles = change.roles { entry.roles = try Self.checkedRoles(roles) }
            if let from = change.validFrom { entry.validFrom = from }
            let effective: Date
            if retire {
                let end = change.validUntil ?? now
                entry.validUntil = end
                effective = end
            } else {
                if let until = change.validUntil { entry.validUntil = until }
                effective = change.effective ?? now
            }
            if let until = entry.validUntil, until <= entry.validFrom {
                throw .badInput("the entry of \(id) would end before it begins; expected an end after \(Instant.format(entry.validFrom))")
            }
            if !retire, effective < now.addingTimeInterval(-configuration.futureTolerance), Self.grants(entry, over: before) {
                throw .refused(
                    "a grant to \(id) (a role added or dates widened) takes effect when it is recorded, not from \(Instant.format(effective)); expected --effective now or later (a backdated change may only take away)"
                )
            }
            if Self.keepsAdministering(before, now: now), !Self.keepsAdministering(entry, now: now),
                !register.entries(force: force).contains(where: { $0.entry.id != id && Self.keepsAdministering($0.entry, now: now) })
            {
                throw .refused(
                    "\(id) is the last administrator of \(force) with no end date; expected another administrator added first, since without one nobody could change its register again"
                )
            }
            return [
                RegisterChange(
                    force: force, sequence: existing.count + 1, kind: retire ? .retire : .update, entry: entry, effective: effective,
                    by: admin, reason: change.reason, recordedAt: now)
            ]
        }[0]
    }

    /// Issues a person a new token, replacing their earlier ones; returns it (shown once).
    public func issueToken(force: String, id: String, reason: String) throws(WorkflowError) -> (RegisterChange, token: String) {
        let admin = try administrator(of: force)
        let token = TokenHash.newToken()
        let now = configuration.clock()
        let written = try store.recordRegisterChanges(force: force) { existing throws(WorkflowError) in
            let id = Identifier.normalized(id)
            guard let latest = StaffRegister(existing).latest(force: force, id: id) else {
                throw .badInput("\(id) is not on the staff register of \(force); expected the id of a registered person")
            }
            return [
                RegisterChange(
                    force: force, sequence: existing.count + 1, kind: .token, entry: latest.entry, effective: latest.effective,
                    tokenHash: TokenHash.of(token), by: admin, reason: reason, recordedAt: now)
            ]
        }
        return (written[0], token)
    }

    /// The id of the token's holder, if they are an administrator of `force` now.
    func administrator(of force: String) throws(WorkflowError) -> String {
        let register = try staffRegister()
        guard register.forceHasRegister(force) else {
            throw .badInput("\(force) has no staff register; expected 'safeguard init --force \(force)' first")
        }
        let holder = try tokenHolder(register)
        guard holder.force == force, holder.entry.roles.contains(StaffEntry.administrator) else {
            throw .refused("only an administrator of \(force) may change its staff register; \(holder.entry.id) (\(holder.force)) is not one")
        }
        return holder.entry.id
    }

    /// Whether `entry` gives what `before` did not: a role, or dates that begin earlier or end later.
    static func grants(_ entry: StaffEntry, over before: StaffEntry) -> Bool {
        let widerEnd: Bool =
            switch (before.validUntil, entry.validUntil) {
            case (nil, _): false
            case (.some, nil): true
            case (.some(let old), .some(let new)): new > old
            }
        return !Set(entry.roles).isSubset(of: before.roles) || entry.validFrom < before.validFrom || widerEnd
    }

    /// Whether the entry keeps its force's register in hand: an administrator valid now, with no end date.
    static func keepsAdministering(_ entry: StaffEntry, now: Date) -> Bool {
        entry.roles.contains(StaffEntry.administrator) && entry.validUntil == nil && entry.isValid(at: now)
    }

    static func newEntry(_ change: StaffChange, force: String, roles: [String], now: Date) throws(WorkflowError) -> StaffEntry {
        let id = Identifier.normalized(change.id)
        if let problem = Identifier.problem(id, what: "the staff id") { throw problem }
        guard !Actor(id: id, role: "").claimsEngine else { throw .badInput("engine is the engine's clock; expected a person's id") }
        guard let name = change.name else { throw .badInput("no name given for \(id); expected --name") }
        let entry = StaffEntry(
            id: id, name: try checkedName(name), force: force, roles: try checkedRoles(roles), validFrom: change.validFrom ?? now,
            validUntil: change.validUntil)
        if let until = entry.validUntil, until <= entry.validFrom {
            throw .badInput("the entry of \(id) would end before it begins; expected --until after --from")
        }
        return entry
    }

    static func checkedName(_ name: String) throws(WorkflowError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .badInput("the name is empty or has control characters; expected a display name")
        }
        return trimmed
    }

    static func checkedRoles(_ roles: [String]) throws(WorkflowError) -> [String] {
        guard !roles.isEmpty else { throw .badInput("no roles given; expected --role once for each rank or staff role held") }
        for role in roles where role.isEmpty || role == Actor.engineClock.role || !role.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw .badInput("role \"\(role.prefix(40))\" is not a rank or staff role; expected a name such as constable, superintendent or legal_officer")
        }
        return roles
    }
}

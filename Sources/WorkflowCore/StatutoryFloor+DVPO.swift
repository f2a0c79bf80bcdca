import Foundation

/// The floor of the Crime and Security Act 2010 ss.24-33 (DVPN and DVPO), whatever a force's
/// plugins declare.
extension StatutoryFloor {
    public static let dvpo = StatutoryFloor(
        workflow: "dvpo", nationalFile: "Workflows/dvpo.lua",
        protectedFields: [
            "perpetrator_dob", "relationship", "violence", "grounds", "victim_opinion", "children_welfare",
            "perpetrator_representations", "premises_conditions", "other_residents_opinion", "hearing_address",
            "address_refused", "authorised_at", "authorised_by", "served_at", "served_by", "applied_at", "court",
            "listed_for", "days", "order_made_on", "order_days",
        ],
        openingState: "incident",
        entryRules: DVPOFloor.entryRules, declarationRules: DVPOFloor.declarationRules, prerequisites: DVPOFloor.prerequisites,
        order: StatutoryOrder(states: ["order_in_force", "breach"], inForce: "order_in_force", endClock: "order_end", source: "\(DVPOFloor.act) s.28(10)"),
        clocks: [
            "hearing": "\(DVPOFloor.act) s.27(3)", "notice_breach_production": "\(DVPOFloor.act) s.26(1)",
            "breach_production": "\(DVPOFloor.act) s.29",
        ],
        steps: DVPOFloor.steps)
}

/// The rules of `StatutoryFloor.dvpo`.
enum DVPOFloor {
    static let act = "Crime and Security Act 2010"
    static let considerations = ["grounds", "victim_opinion", "children_welfare", "perpetrator_representations"]

    static let entryRules: [StatutoryEntryRule] = [
        StatutoryEntryRule(state: "notice_authorised", source: "\(act) s.24(1)") { entry in
            guard let rank = entry.rank, rank >= .superintendent else {
                return "needs an officer of the rank of superintendent or above; the actor's role is \(entry.actor.role)"
            }
            return nil
        },
        StatutoryEntryRule(state: "notice_authorised", source: "\(act) s.24(1)") { entry in
            guard let text = entry.after.data["perpetrator_dob"]?.stringValue, let born = LocalDate(iso: text) else {
                return "needs the perpetrator's date of birth recorded"
            }
            return born.age(on: London.date(of: entry.at)) >= 18 ? nil : "needs a perpetrator aged 18 or over on the day of authorisation"
        },
        StatutoryEntryRule(state: "notice_authorised", source: "\(act) s.24(2)") { entry in
            let violence = entry.after.data["violence"]?.stringValue
            return violence == "used" || violence == "threatened" ? nil : "needs violence used or threatened towards the victim"
        },
        StatutoryEntryRule(state: "notice_authorised", source: "\(act) s.24(3)-(5)") { entry in
            if let missing = considerations.first(where: { !entry.hasText($0) }) {
                return "needs the mandatory consideration \(missing) recorded"
            }
            guard case .bool(let premises) = entry.value("premises_conditions") else {
                return "needs premises_conditions recorded (true or false)"
            }
            return premises && !entry.hasText("other_residents_opinion")
                ? "needs other_residents_opinion recorded when the notice has premises conditions" : nil
        },
        StatutoryEntryRule(state: "notice_served", source: "\(act) s.25(1)") { entry in
            if entry.before.data["authorised_at"] == nil { return "needs a notice authorised (authorise_notice) first" }
            return entry.rank == nil ? "needs a constable to serve the notice personally; the actor's role is \(entry.actor.role)" : nil
        },
        StatutoryEntryRule(state: "hearing", source: "\(act) s.27(1)") { entry in
            entry.before.data["served_at"] == nil ? "needs the notice served (serve_notice) first" : nil
        },
        // One notice, one application, one hearing: the case's data says whether the application
        // was made and whether the court has already decided it.
        StatutoryEntryRule(state: "hearing", source: "\(act) s.27(1)") { entry in
            if entry.before.data["order_made_on"] != nil {
                return "needs an application not yet decided; the court already made an order on this notice's application (s.28)"
            }
            return entry.after.data["applied_at"] == nil ? "needs an application to the court (apply_for_order)" : nil
        },
        StatutoryEntryRule(state: "order_in_force", source: "\(act) s.27-28") { entry in
            // Back in force after a breach: the order was made already, and still ends on its date;
            // a second order on the same application is not.
            if let made = entry.before.data["order_made_on"] {
                let end = { (snapshot: CaseSnapshot) in snapshot.deadlines.first { $0.clock == "order_end" }?.due }
                let same = entry.after.data["order_made_on"] == made && entry.after.data["order_days"] == entry.before.data["order_days"]
                    && end(entry.after) == end(entry.before)
                return same ? nil : "needs the order already made on this application unchanged; one application, one order (s.28(10))"
            }
            if entry.before.data["applied_at"] == nil { return "needs an application heard by the court (apply_for_order) first" }
            guard case .integer(let days) = entry.after.data["order_days"], (14...28).contains(days) else {
                return "needs order_days of 14 to 28 recorded by grant_order (s.28(10))"
            }
            let pending = entry.after.deadlines.contains { $0.clock == "order_end" && $0.status == .pending }
            return pending ? nil : "needs the order's end (clock order_end) computed"
        },
        StatutoryEntryRule(state: "breach", source: "\(act) s.29") { entry in
            entry.before.state == "order_in_force" || entry.before.data["order_made_on"] != nil ? nil : "needs an order in force first"
        },
        StatutoryEntryRule(state: "refused", source: "\(act) s.27-28") { entry in
            entry.before.data["applied_at"] == nil ? "needs an application heard by the court (apply_for_order) first" : nil
        },
        StatutoryEntryRule(state: "expired", source: "\(act) s.28(10)") { entry in
            guard let end = entry.before.deadlines.first(where: { $0.clock == "order_end" }) else {
                return "needs an order with its end computed"
            }
            return entry.at < end.due ? "is allowed only at or after the end of the order's last day" : nil
        },
    ]

    /// The national steps in statutory order, each shown in force by the field only it records.
    static let steps: [StatutoryStep] = [
        StatutoryStep(event: "authorise_notice", field: "authorised_at", state: "notice_authorised", source: "\(act) s.24(1)"),
        StatutoryStep(event: "serve_notice", field: "served_at", state: "notice_served", source: "\(act) s.25(1)"),
        StatutoryStep(event: "apply_for_order", field: "applied_at", state: "hearing", source: "\(act) s.27(1)"),
        StatutoryStep(event: "grant_order", field: "order_made_on", state: "order_in_force", source: "\(act) s.28(10)"),
    ]

    /// What only a national event records, for each state whose entry rules need it.
    static let prerequisites: [String: StatutoryPrerequisite] = [
        "notice_authorised": StatutoryPrerequisite(event: "authorise_notice", source: "\(act) s.24(3)-(5)"),
        "notice_served": StatutoryPrerequisite(event: "authorise_notice", source: "\(act) s.25(1)"),
        "hearing": StatutoryPrerequisite(event: "serve_notice", source: "\(act) s.27(1)"),
        "order_in_force": StatutoryPrerequisite(event: "grant_order", source: "\(act) s.28(10)"),
        "refused": StatutoryPrerequisite(event: "apply_for_order", source: "\(act) s.27-28"),
        "breach": StatutoryPrerequisite(event: "grant_order", source: "\(act) s.29"),
        "expired": StatutoryPrerequisite(event: "grant_order", source: "\(act) s.28(10)"),
    ]

    static let declarationRules: [StatutoryDeclarationRule] = [
        route("report_incident", opening: true, to: "incident"),
        route("authorise_notice", from: "incident", to: "notice_authorised"),
        route("serve_notice", from: "notice_authorised", to: "notice_served"),
        route("apply_for_order", from: "notice_served", to: "hearing"),
        route("grant_order", from: "hearing", to: "order_in_force"),
        route("refuse_order", from: "hearing", to: "refused"),
        route("expire_order", from: "order_in_force", to: "expired"),
        StatutoryDeclarationRule { definition, floor in
            for event in definition.events where event.origin == .newCase && event.target != floor.openingState {
                return .script(
                    "event \(event.name) opens a case in \(event.target ?? "no state"); a case opens in \(floor.openingState) (statutory floor)",
                    at: event.location)
            }
            return nil
        },
        StatutoryDeclarationRule { definition, _ in
            for event in definition.events where event.target == "notice_authorised" {
                let rank = event.who.minimumRank
                if rank.map({ $0 < .superintendent }) ?? false || !event.who.staffRoles.isEmpty {
                    return .script(
                        "event \(event.name) lets \(event.who) authorise a notice; \(act) s.24(1) requires superintendent or above (statutory floor)",
                        at: event.whoChangedAt.last ?? event.location)
                }
            }
            return nil
        },
        StatutoryDeclarationRule { definition, _ in
            for event in definition.events where event.target == "notice_served" && !event.who.staffRoles.isEmpty {
                return .script(
                    "event \(event.name) lets \(event.who.staffRoles.joined(separator: ", ")) serve a notice; \(act) s.25(1) requires a constable (statutory floor)",
                    at: event.whoChangedAt.last ?? event.location)
            }
            return nil
        },
        clock("hearing", hours: 48, startedBy: "serve_notice", source: "s.27(3)"),
        clock("notice_breach_production", hours: 24, startedBy: "report_notice_breach", source: "s.26(1)"),
        clock("breach_production", hours: 24, startedBy: "report_breach", source: "s.29"),
        StatutoryDeclarationRule { definition, _ in
            guard let end = definition.clocks.first(where: { $0.name == "order_end" }) else {
                return .script("the procedure has no clock order_end; \(act) s.28(10) needs the order's end (statutory floor)", at: definition.location)
            }
            guard end.rule == .orderPeriod(daysField: "days"), end.startedBy.contains("grant_order") else {
                return .script("clock order_end is not the order's period from grant_order's days; \(act) s.28(10) (statutory floor)", at: end.location)
            }
            return nil
        },
        StatutoryDeclarationRule { definition, _ in
            guard let limit = definition.limits.first(where: { $0.name == "order_days" }), limit.min == 14, limit.max == 28 else {
                return .script("the order's period is not limited to 14 to 28 days; \(act) s.28(10) (statutory floor)", at: definition.location)
            }
            return nil
        },
        required("report_incident", ["perpetrator_dob", "relationship", "violence"]),
        required("authorise_notice", considerations + ["premises_conditions"]),
        required("grant_order", ["days"]),
    ]

    /// The national event `name` still exists and still leads from `from` (among any others) to `to`.
    static func route(_ name: String, opening: Bool = false, from: String = "", to: String) -> StatutoryDeclarationRule {
        StatutoryDeclarationRule { definition, _ in
            guard let event = definition.event(named: name) else {
                return .script("the procedure has no event \(name); the statute needs it (statutory floor)", at: definition.location)
            }
            let leads: Bool
            switch event.origin {
            case .newCase: leads = opening
            case .states(let states): leads = !opening && states.contains(from)
            case .anyNonFinal: leads = false
            }
            guard leads, event.target == to else {
                return .script("event \(name) must lead \(opening ? "from a new case" : "from \(from)") to \(to) (statutory floor)", at: event.location)
            }
            return nil
        }
    }

    /// The statutory clock `name` still counts `hours` hours of counted time from `startedBy`.
    static func clock(_ name: String, hours: Int, startedBy: String, source: String) -> StatutoryDeclarationRule {
        StatutoryDeclarationRule { definition, _ in
            guard let clock = definition.clocks.first(where: { $0.name == name }) else {
                return .script("the procedure has no clock \(name); \(act) \(source) needs it (statutory floor)", at: definition.location)
            }
            guard case .countedHours(let counted) = clock.rule, counted.hours == hours, clock.startedBy.contains(startedBy) else {
                return .script("clock \(name) must count \(hours) hours from \(startedBy); \(act) \(source) (statutory floor)", at: clock.location)
            }
            return nil
        }
    }

    /// Each of `fields` is still asked for, and required, on the national event `name`.
    static func required(_ name: String, _ fields: [String]) -> StatutoryDeclarationRule {
        StatutoryDeclarationRule { definition, _ in
            guard let event = definition.event(named: name) else { return nil }
            for field in fields where event.fields.first(where: { $0.name == field })?.requirement != .required {
                return .script("event \(name) must require \(field) (statutory floor)", at: event.location)
            }
            return nil
        }
    }
}

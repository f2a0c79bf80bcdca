import SafeguardService
import WorkflowCore

/// An effective procedure as JSON and as text: every piece with the `file:line` that contributed it.
enum ProcedureDescription {
    static func json(_ definition: WorkflowDefinition, hash: String) -> Value {
        .object([
            "workflow": .string(definition.name), "title": .string(definition.title),
            "force": definition.force.map(Value.string) ?? .null, "procedure": .string(hash),
            "plugins": .array(
                definition.plugins.map { plugin in
                    .object([
                        "name": .string(plugin.name), "version": .string(plugin.version), "order": .integer(plugin.order),
                        "after": .array(plugin.after.map(Value.string)), "forces": .array(plugin.forces.map(Value.string)),
                        "summary": .string(plugin.summary), "source": .string(plugin.location.description),
                    ])
                }),
            "states": .array(
                definition.states.map { state in
                    .object([
                        "name": .string(state.name), "final": .bool(state.isFinal), "summary": .string(state.summary),
                        "source": .string(state.location.description),
                    ])
                }),
            "events": .array(definition.events.map(event)),
            "clocks": .array(
                definition.clocks.map { clock in
                    .object([
                        "name": .string(clock.name), "rule": .string(rule(clock.rule)), "started_by": .array(clock.startedBy.map(Value.string)),
                        "met_by": .array(clock.metBy.map(Value.string)), "fires": clock.fires.map(Value.string) ?? .null,
                        "on_missed": clock.onMissed.map(Value.string) ?? .null, "capped_by": clock.cappedBy.map(Value.string) ?? .null,
                        "summary": .string(clock.summary), "source": .string(clock.location.description),
                    ])
                }),
            "policies": .array(
                definition.policies.map { policy in
                    .object([
                        "name": .string(policy.name), "plugin": .string(policy.plugin), "type": .string(policy.type.rawValue),
                        "value": policy.value, "default": policy.defaultValue, "summary": .string(policy.summary),
                        "within": policy.within.map(Value.string) ?? .null, "source": .string(policy.location.description),
                        "set_at": policy.setAt.map { .string($0.description) } ?? .null,
                    ])
                }),
            "staff_roles": .array(definition.staffRoles.map(Value.string)),
            "limits": .array(
                definition.limits.map { limit in
                    .object([
                        "name": .string(limit.name), "min": .number(limit.min), "max": .number(limit.max), "rule": .string(limit.rule),
                        "source": .string(limit.location.description),
                    ])
                }),
        ])
    }

    static func event(_ event: EventDefinition) -> Value {
        let from: Value
        switch event.origin {
        case .newCase: from = .string("(new case)")
        case .anyNonFinal: from = .string("*")
        case .states(let states): from = .array(states.map(Value.string))
        }
        return .object([
            "name": .string(event.name), "from": from, "to": event.target.map(Value.string) ?? .null,
            "who": .string(event.who.description), "statutory_who": .bool(event.statutoryWho),
            "who_changed_at": .array(event.whoChangedAt.map { .string($0.description) }),
            "data": .array(
                event.fields.map { field in
                    .object([
                        "name": .string(field.name), "type": .string(field.type.name), "expected": .string(field.type.description),
                        "requirement": .string(field.requirement.description), "personal": .bool(field.personal),
                        "case_field": field.caseName.map(Value.string) ?? .null,
                        "summary": .string(field.summary), "source": .string(field.location.description),
                    ])
                }),
            "guards": .array(event.guards.map { .object(["name": .string($0.name), "source": .string($0.location.description)]) }),
            "actions": .array(event.actions.map { .object(["name": .string($0.name), "source": .string($0.location.description)]) }),
            "summary": .string(event.summary), "source": .string(event.location.description),
        ])
    }

    static func rule(_ rule: ClockDefinition.Rule) -> String {
        switch rule {
        case .orderPeriod(let field): "order period: whole London days, the number from \(field)"
        case .countedHours(let counted):
            "\(counted.hours) counted hours, disregarding \(counted.disregard.map(\.rawValue).sorted().joined(separator: ", ")); unsettled days: \(counted.unsettledDays.rawValue)"
        case .elapsed(let hours): "\(hours) hours of real time"
        case .calendarDays(let days): "\(days) whole London days beginning with the day it starts"
        case .untilDate(let field): "to the end of the London date in \(field); none when it is not given"
        case .workingDays(let days): "\(days) working days after the day it starts (no Saturdays, Sundays or bank holidays)"
        }
    }

    static func text(_ definition: WorkflowDefinition, hash: String) -> String {
        var lines = [
            "Procedure \(definition.name) for \(definition.force.map { "force \($0)" } ?? "the national workflow alone")  (procedure \(hash.prefix(12)))"
        ]
        lines.append(definition.plugins.isEmpty ? "Plugins: none, the national procedure alone" : "Plugins, in layering order")
        for plugin in definition.plugins {
            let after = plugin.after.isEmpty ? "" : ", after \(plugin.after.joined(separator: ", "))"
            lines.append("  \(plugin.name) \(plugin.version) (order \(plugin.order)\(after))  \(plugin.location)")
        }
        lines.append("States")
        for state in definition.states {
            lines.append("  \(state.name)\(state.isFinal ? " (final)" : "")  \(state.location)")
        }
        lines.append("Events")
        for event in definition.events {
            let from: String
            switch event.origin {
            case .newCase: from = "(new case)"
            case .anyNonFinal: from = "any open state"
            case .states(let states): from = states.joined(separator: ", ")
            }
            lines.append("  \(event.name): \(from) → \(event.target ?? "same state")  \(event.location)")
            var who = "    who: \(event.who)\(event.statutoryWho ? " (set by statute)" : "")"
            if !event.whoChangedAt.isEmpty { who += "  changed at " + event.whoChangedAt.map(\.description).joined(separator: ", ") }
            lines.append(who)
            for field in event.fields {
                let kept = field.caseName.map { $0 == field.name ? ", on the case" : ", on the case as \($0)" } ?? ""
                lines.append("    data \(field.name): \(field.type.name), \(field.requirement)\(field.personal ? ", personal" : "")\(kept)  \(field.location)")
            }
            for check in event.guards { lines.append("    guard \(check.name)  \(check.location)") }
            for action in event.actions { lines.append("    action \(action.name)  \(action.location)") }
        }
        lines.append("Clocks")
        for clock in definition.clocks {
            lines.append(
                "  \(clock.name): \(rule(clock.rule)); from \(clock.startedBy.joined(separator: ", "))\(clock.metBy.isEmpty ? "" : "; met by \(clock.metBy.joined(separator: ", "))")  \(clock.location)"
            )
        }
        if !definition.policies.isEmpty {
            lines.append("Policies")
            for policy in definition.policies {
                let set = policy.setAt.map { "  set at \($0)" } ?? " (default)"
                lines.append("  \(policy.name) = \(Rendering.json(policy.value))\(set)  declared \(policy.location) by \(policy.plugin): \(policy.summary)")
            }
        }
        if !definition.staffRoles.isEmpty { lines.append("Staff roles: " + definition.staffRoles.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}

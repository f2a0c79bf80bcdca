import SafeguardService
import WorkflowCore

/// A case as text for a terminal.
enum CaseText {
    static func describe(_ snapshot: CaseSnapshot, nextEvents: [String]?) -> String {
        var lines = [
            "Case \(snapshot.id)  (\(snapshot.workflow), force \(snapshot.force))",
            "  state       \(snapshot.state)",
            "  opened      \(Instant.format(snapshot.openedAt))",
            "  last event  \(Instant.format(snapshot.updatedAt)) (event \(snapshot.version))",
            "  procedure   \(snapshot.procedure.prefix(12))",
        ]
        if let plugins = snapshot.plugins, !plugins.isEmpty { lines.append("  plugins     " + plugins.joined(separator: ", ")) }
        if !snapshot.data.isEmpty {
            lines.append("Data")
            let width = snapshot.data.keys.map(\.count).max() ?? 0
            for key in snapshot.data.keys.sorted() {
                lines.append("  " + key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Rendering.text(snapshot.data[key]!))
            }
        }
        if !snapshot.deadlines.isEmpty {
            lines.append("Deadlines")
            for deadline in snapshot.deadlines {
                var line = "  \(deadline.clock)  due \(Instant.format(deadline.due))  \(deadline.status.rawValue)"
                if let settled = deadline.settledAt, let by = deadline.settledBy {
                    line += " at \(Instant.format(settled)) by \(by)"
                }
                if let field = deadline.cappedBy { line += "  (brought forward to \(field))" }
                if deadline.needsDecision { line += "  NEEDS A DECISION (record_deadline_decision)" }
                lines.append(line)
                if let decision = deadline.decision, let at = deadline.decidedAt {
                    lines.append("    decided \(Instant.format(at)): \(decision)")
                }
            }
        }
        if let nextEvents {
            lines.append("Next events: " + (nextEvents.isEmpty ? "none (final state)" : nextEvents.joined(separator: ", ")))
        }
        return lines.joined(separator: "\n")
    }
}

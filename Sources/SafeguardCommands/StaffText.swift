import Foundation
import SafeguardService
import WorkflowCore

/// How register entries and changes are printed.
enum StaffText {
    static func dates(_ entry: StaffEntry) -> String {
        "from \(Instant.format(entry.validFrom))" + (entry.validUntil.map { " until \(Instant.format($0))" } ?? "")
    }

    /// One line for a change just made.
    /// Why a token just issued will not work now, if it will not: the entry has ended or not begun.
    static func tokenWarning(_ entry: StaffEntry, now: Date) -> String? {
        if entry.validFrom > now {
            return "\(entry.id)'s entry begins at \(Instant.format(entry.validFrom)); the token works from then"
        }
        if let until = entry.validUntil, until <= now {
            return "\(entry.id)'s entry ended at \(Instant.format(until)); the token works for nothing until the entry is renewed ('safeguard staff update --until')"
        }
        return nil
    }

    static func change(_ change: RegisterChange) -> String {
        let applies = change.kind == .update || change.kind == .retire ? "; applies to events from \(Instant.format(change.effective))" : ""
        return "\(change.version) \(change.kind.rawValue) \(change.entry.id): \(change.entry.roles.joined(separator: ", ")), \(dates(change.entry))\(applies)"
    }

    /// One line of `staff list`.
    static func row(_ change: RegisterChange) -> String {
        "\(change.force)  \(change.entry.id)  \(change.entry.name)  \(change.entry.roles.joined(separator: ","))  \(dates(change.entry))  (\(change.version))"
    }

    static func json(_ change: RegisterChange) -> Value {
        var object: [String: Value] = [
            "force": .string(change.force), "id": .string(change.entry.id), "name": .string(change.entry.name),
            "roles": .array(change.entry.roles.map(Value.string)), "validFrom": .string(Instant.format(change.entry.validFrom)),
            "version": .string(change.version),
        ]
        object["validUntil"] = change.entry.validUntil.map { .string(Instant.format($0)) }
        return .object(object)
    }
}

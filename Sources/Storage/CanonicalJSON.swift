import Foundation
import WorkflowCore

/// The JSON the store writes and hashes: keys sorted, no insignificant space, instants as fixed-width
/// UTC text, absent optionals left out. Written by hand because Foundation's generic encoder was
/// the largest cost of `apply` (profiled with perf); `StoreCoding`'s decoder reads it back.
enum CanonicalJSON {
    static func text(_ value: Value) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(value, to: &out)
        return out
    }

    static func write(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d):
            if d.isFinite, d.rounded() == d, abs(d) < 1e15 { out += String(Int(d)) } else { out += d.isFinite ? "\(d)" : "null" }
        case .string(let s): string(s, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                string(key, to: &out)
                out += ":"
                write(fields[key]!, to: &out)
            }
            out += "}"
        }
    }

    static func string(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func instant(_ date: Date?) -> Value? { date.map { .string(Instant.formatUTC($0)) } }

    /// A snapshot with the keys and forms its `Codable` conformance reads.
    static func value(_ snapshot: CaseSnapshot) -> Value {
        var object: [String: Value] = [
            "id": .string(snapshot.id), "workflow": .string(snapshot.workflow), "force": .string(snapshot.force),
            "state": .string(snapshot.state), "data": .object(snapshot.data), "version": .integer(snapshot.version),
            "procedure": .string(snapshot.procedure), "openedAt": .string(Instant.formatUTC(snapshot.openedAt)),
            "updatedAt": .string(Instant.formatUTC(snapshot.updatedAt)),
            "deadlines": .array(snapshot.deadlines.map { deadline in
                var fields: [String: Value] = [
                    "clock": .string(deadline.clock), "startedAt": .string(Instant.formatUTC(deadline.startedAt)),
                    "due": .string(Instant.formatUTC(deadline.due)), "status": .string(deadline.status.rawValue),
                ]
                fields["settledAt"] = instant(deadline.settledAt)
                fields["settledBy"] = deadline.settledBy.map(Value.string)
                fields["tableVersion"] = deadline.tableVersion.map(Value.string)
                fields["cappedBy"] = deadline.cappedBy.map(Value.string)
                fields["decision"] = deadline.decision.map(Value.string)
                fields["decidedAt"] = instant(deadline.decidedAt)
                return .object(fields)
            }),
        ]
        object["plugins"] = snapshot.plugins.map { .array($0.map(Value.string)) }
        return .object(object)
    }

    /// An event with the keys and forms its `Codable` conformance reads: what the chain hashes.
    static func value(_ event: RecordedEvent) -> Value {
        var object: [String: Value] = [
            "sequence": .integer(event.sequence), "caseID": .string(event.caseID), "event": .string(event.event),
            "to": .string(event.to), "at": .string(Instant.formatUTC(event.at)),
            "recordedAt": .string(Instant.formatUTC(event.recordedAt)),
            "actor": .object(["id": .string(event.actor.id), "role": .string(event.actor.role)]),
            "data": .object(event.data), "changes": .object(event.changes),
            "guardsPassed": .array(event.guardsPassed.map(Value.string)), "procedure": .string(event.procedure),
            "engineVersion": .string(event.engineVersion),
        ]
        object["eventID"] = event.eventID.map(Value.string)
        object["from"] = event.from.map(Value.string)
        object["tableVersion"] = event.tableVersion.map(Value.string)
        return .object(object)
    }
}

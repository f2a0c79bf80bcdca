import Foundation
import WorkflowCore

/// The JSON the store writes and hashes: keys sorted, no insignificant space, instants as fixed-width
/// UTC text, absent optionals left out. Written by hand because Foundation's generic encoder was
/// the largest cost of `apply` (profiled with perf); `StoreCoding`'s decoder reads it back.
enum CanonicalJSON {
    static func text(_ value: Value) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .number(let d):
            if d.isFinite, d.rounded() == d, abs(d) < 1e15 {
                out.append(contentsOf: String(Int(d)).utf8)
            } else {
                out.append(contentsOf: (d.isFinite ? "\(d)" : "null").utf8)
            }
        case .string(let s): string(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                string(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(fields[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: the text's UTF-8 as it is, with quotes, backslashes and control characters escaped.
    static func string(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let bytes = text.utf8
        if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: bytes)
        } else {
            for byte in bytes {
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
        object["stateChangedAt"] = instant(snapshot.stateChangedAt)
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

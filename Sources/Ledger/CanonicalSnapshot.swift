import WorkflowCore

/// A case snapshot's canonical JSON written field by field in its sorted order: byte for byte
/// `CanonicalJSON.text(snapshot.canonicalValue)`, without building the snapshot and each of its
/// deadlines as a dictionary of values and sorting their keys (profiled: the largest part of
/// writing a case's row when `apply` commits).
enum CanonicalSnapshot {
    static func text(_ snapshot: CaseSnapshot) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        var writer = FieldWriter(out: out)
        writer.open()
        writer.key("data")
        CanonicalJSON.write(.object(snapshot.data), to: &writer.out)
        if let rule = snapshot.dataRule { writer.string("dataRule", rule.rawValue) }
        writer.key("deadlines")
        writer.out.append(UInt8(ascii: "["))
        for (index, deadline) in snapshot.deadlines.enumerated() {
            if index > 0 { writer.out.append(UInt8(ascii: ",")) }
            write(deadline, to: &writer)
        }
        writer.out.append(UInt8(ascii: "]"))
        writer.string("force", snapshot.force)
        writer.string("id", snapshot.id)
        writer.string("openedAt", Instant.formatUTC(snapshot.openedAt))
        if let plugins = snapshot.plugins {
            writer.key("plugins")
            CanonicalJSON.write(.array(plugins.map(Value.string)), to: &writer.out)
        }
        writer.string("procedure", snapshot.procedure)
        writer.string("state", snapshot.state)
        if let changed = snapshot.stateChangedAt { writer.string("stateChangedAt", Instant.formatUTC(changed)) }
        writer.string("updatedAt", Instant.formatUTC(snapshot.updatedAt))
        writer.key("version")
        CanonicalJSON.write(.integer(snapshot.version), to: &writer.out)
        writer.string("workflow", snapshot.workflow)
        writer.out.append(UInt8(ascii: "}"))
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// A deadline's object, keys in UTF-8 order; absent optionals left out, `recordedOnly` only when true.
    private static func write(_ deadline: Deadline, to writer: inout FieldWriter) {
        writer.open()
        if let cappedBy = deadline.cappedBy { writer.string("cappedBy", cappedBy) }
        writer.string("clock", deadline.clock)
        if let decidedAt = deadline.decidedAt { writer.string("decidedAt", Instant.formatUTC(decidedAt)) }
        if let decision = deadline.decision { writer.string("decision", decision) }
        writer.string("due", Instant.formatUTC(deadline.due))
        if deadline.recordedOnly {
            writer.key("recordedOnly")
            writer.out.append(contentsOf: "true".utf8)
        }
        if let settledAt = deadline.settledAt { writer.string("settledAt", Instant.formatUTC(settledAt)) }
        if let settledBy = deadline.settledBy { writer.string("settledBy", settledBy) }
        writer.string("startedAt", Instant.formatUTC(deadline.startedAt))
        writer.string("status", deadline.status.rawValue)
        if let tableVersion = deadline.tableVersion { writer.string("tableVersion", tableVersion) }
        writer.out.append(UInt8(ascii: "}"))
    }

    /// The bytes of one object being written, and whether its next key is its first.
    private struct FieldWriter {
        var out: [UInt8]
        var first = true

        mutating func open() {
            out.append(UInt8(ascii: "{"))
            first = true
        }

        mutating func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        mutating func string(_ name: StaticString, _ text: String) {
            key(name)
            CanonicalJSON.string(text, to: &out)
        }
    }
}

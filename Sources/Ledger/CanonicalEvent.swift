import Crypto
import WorkflowCore

/// An event's stored form encoded once: the canonical JSON of the whole event (what the chain
/// hashes, byte for byte `CanonicalJSON.text(event.canonicalValue)`), and the texts of its data,
/// changes and guards columns cut from the same bytes. Writing the fields in their sorted order
/// directly saves building the event as a `Value` and encoding its data twice (profiled: the
/// largest cost of appending an event after its MAC).
public struct CanonicalEvent {
    /// The whole event's canonical JSON.
    public let bytes: [UInt8]
    private let dataRange: Range<Int>
    private let changesRange: Range<Int>
    private let guardsRange: Range<Int>

    public init(_ event: RecordedEvent) {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func string(_ text: String) { CanonicalJSON.string(text, to: &out) }
        func marked(_ value: Value) -> Range<Int> {
            let start = out.count
            CanonicalJSON.write(value, to: &out)
            return start..<out.count
        }
        // Keys in UTF-8 order, as `CanonicalJSON` sorts them; absent optionals left out.
        out.append(UInt8(ascii: "{"))
        key("actor", first: true)
        out.append(UInt8(ascii: "{"))
        if let authentication = event.actor.authentication {
            key("authentication", first: true)
            string(authentication)
            key("id")
        } else {
            key("id", first: true)
        }
        string(event.actor.id)
        if let version = event.actor.registerVersion {
            key("registerVersion")
            string(version)
        }
        key("role")
        string(event.actor.role)
        out.append(UInt8(ascii: "}"))
        key("at")
        string(Instant.formatUTC(event.at))
        key("caseID")
        string(event.caseID)
        key("changes")
        changesRange = marked(.object(event.changes))
        key("data")
        dataRange = marked(.object(event.data))
        key("engineVersion")
        string(event.engineVersion)
        key("event")
        string(event.event)
        if let eventID = event.eventID {
            key("eventID")
            string(eventID)
        }
        if let from = event.from {
            key("from")
            string(from)
        }
        key("guardsPassed")
        guardsRange = marked(.array(event.guardsPassed.map(Value.string)))
        key("procedure")
        string(event.procedure)
        key("recordedAt")
        string(Instant.formatUTC(event.recordedAt))
        key("sequence")
        CanonicalJSON.write(.integer(event.sequence), to: &out)
        if let tableVersion = event.tableVersion {
            key("tableVersion")
            string(tableVersion)
        }
        key("to")
        string(event.to)
        out.append(UInt8(ascii: "}"))
        bytes = out
    }

    /// The data column's text: `CanonicalJSON.text(.object(event.data))`.
    public var data: String { String(decoding: bytes[dataRange], as: UTF8.self) }
    /// The changes column's text.
    public var changes: String { String(decoding: bytes[changesRange], as: UTF8.self) }
    /// The guards column's text.
    public var guards: String { String(decoding: bytes[guardsRange], as: UTF8.self) }

    /// The event's link in the chain: SHA-256 over the previous hash, a newline and these bytes.
    public func hash(after previous: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(previous.utf8))
        hasher.update(data: [0x0A])
        hasher.update(data: bytes)
        return hasher.finalize().hex
    }
}

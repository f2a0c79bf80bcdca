import Foundation
import WorkflowCore

/// The head of the record at one moment, for a force to keep outside the database: how many
/// events and register changes there were and the hash of the last of each, authenticated with
/// the record's key (`Checkpoint.signed(with:)` in Ledger). `verify --checkpoint` then proves nothing before it was changed or removed,
/// even if the database's own head was rolled back with it (a deleted WAL file, a restored copy).
///
///     safeguard-checkpoint v1 events=1797 head=3f2a… register=12 register-head=9c… mac=a1b2…:77…
public struct Checkpoint: Sendable, Equatable {
    public var events: Int
    public var head: String
    public var registerChanges: Int
    public var registerHead: String
    public var mac: String?

    public init(events: Int, head: String, registerChanges: Int, registerHead: String, mac: String? = nil) {
        self.events = events
        self.head = head
        self.registerChanges = registerChanges
        self.registerHead = registerHead
        self.mac = mac
    }

    /// What the MAC covers.
    public var body: String {
        "safeguard-checkpoint v1 events=\(events) head=\(head) register=\(registerChanges) register-head=\(registerHead)"
    }

    public var text: String { body + (mac.map { " mac=\($0)" } ?? "") }

    /// A checkpoint read back from its text.
    /// - Throws: `badInput` naming what was expected.
    public init(text: String) throws(WorkflowError) {
        let expected = "expected the line 'safeguard checkpoint' printed"
        var fields: [String: String] = [:]
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard words.count >= 6, words[0] == "safeguard-checkpoint", words[1] == "v1" else { throw .badInput("the checkpoint is not one; \(expected)") }
        for word in words.dropFirst(2) {
            let parts = word.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw .badInput("the checkpoint has a malformed field; \(expected)") }
            fields[String(parts[0])] = String(parts[1])
        }
        guard let events = fields["events"].flatMap({ Int($0) }), let head = fields["head"],
            let register = fields["register"].flatMap({ Int($0) }), let registerHead = fields["register-head"], events >= 0, register >= 0
        else { throw .badInput("the checkpoint lacks events, head, register or register-head; \(expected)") }
        self.init(events: events, head: head, registerChanges: register, registerHead: registerHead, mac: fields["mac"])
    }
}

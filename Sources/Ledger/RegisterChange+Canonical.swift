import Foundation
import WorkflowCore

/// The one stored form of a register change: what its hash covers, whatever the backend.
extension RegisterChange {
    public var canonicalValue: Value {
        var entryObject: [String: Value] = [
            "id": .string(entry.id), "name": .string(entry.name), "force": .string(entry.force),
            "roles": .array(entry.roles.map(Value.string)), "validFrom": .string(Instant.formatUTC(entry.validFrom)),
        ]
        entryObject["validUntil"] = entry.validUntil.map { .string(Instant.formatUTC($0)) }
        var object: [String: Value] = [
            "force": .string(force), "sequence": .integer(sequence), "kind": .string(kind.rawValue),
            "entry": .object(entryObject), "effective": .string(Instant.formatUTC(effective)), "by": .string(by),
            "reason": .string(reason), "recordedAt": .string(Instant.formatUTC(recordedAt)),
        ]
        object["tokenHash"] = tokenHash.map(Value.string)
        object["keyID"] = keyID.map(Value.string)
        object["importAs"] = importAs.map(Value.string)
        return .object(object)
    }

    public var canonicalText: String { CanonicalJSON.text(canonicalValue) }

    /// A change read back from its stored text, with the hashes stored beside it.
    public init(canonicalText text: String, previousHash: String, hash: String) throws(WorkflowError) {
        let value: Value
        do {
            value = try CanonicalJSONReader.value(text)
        } catch {
            throw .storage("a register change is not valid JSON; expected its stored form")
        }
        let fields = try CanonicalFields(value, what: "a register change")
        let entry = try CanonicalFields(.object(try fields.object("entry")), what: "a register entry")
        guard let kind = Kind(rawValue: try fields.string("kind")) else {
            throw .storage("a register change has a malformed kind; expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.init(
            force: try fields.string("force"), sequence: try fields.integer("sequence"), kind: kind,
            entry: StaffEntry(
                id: try entry.string("id"), name: try entry.string("name"), force: try entry.string("force"),
                roles: try entry.strings("roles"), validFrom: try entry.instant("validFrom"),
                validUntil: try entry.optionalInstant("validUntil")),
            effective: try fields.instant("effective"), tokenHash: try fields.optionalString("tokenHash"),
            by: try fields.string("by"), reason: try fields.string("reason"), recordedAt: try fields.instant("recordedAt"),
            previousHash: previousHash, hash: hash, keyID: try fields.optionalString("keyID"),
            importAs: try fields.optionalString("importAs"))
    }
}

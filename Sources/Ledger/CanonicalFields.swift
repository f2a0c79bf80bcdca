import Foundation
import WorkflowCore

/// The fields of a stored object, read with their types checked: a missing or ill-typed field
/// is a storage error naming the field (never its value, which may be personal data).
struct CanonicalFields {
    let fields: [String: Value]
    let what: String

    init(_ value: Value, what: String) throws(WorkflowError) {
        guard case .object(let fields) = value else { throw .storage("\(what) is not a JSON object; expected its stored form") }
        self.fields = fields
        self.what = what
    }

    private func malformed(_ key: String, _ expected: String) -> WorkflowError {
        .storage("\(what) has a malformed \(key); expected \(expected)")
    }

    func string(_ key: String) throws(WorkflowError) -> String {
        guard case .string(let text)? = fields[key] else { throw malformed(key, "text") }
        return text
    }

    func optionalString(_ key: String) throws(WorkflowError) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw malformed(key, "text")
        }
    }

    func optionalBool(_ key: String) throws(WorkflowError) -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw malformed(key, "true or false")
        }
    }

    func integer(_ key: String) throws(WorkflowError) -> Int {
        guard case .integer(let number)? = fields[key] else { throw malformed(key, "a whole number") }
        return number
    }

    func instant(_ key: String) throws(WorkflowError) -> Date {
        guard let date = try optionalInstant(key) else { throw malformed(key, "an ISO 8601 instant") }
        return date
    }

    func optionalInstant(_ key: String) throws(WorkflowError) -> Date? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = Instant.parse(text) else { throw malformed(key, "an ISO 8601 instant") }
        return date
    }

    func object(_ key: String) throws(WorkflowError) -> [String: Value] {
        guard case .object(let object)? = fields[key] else { throw malformed(key, "an object") }
        return object
    }

    func array(_ key: String) throws(WorkflowError) -> [Value] {
        guard case .array(let items)? = fields[key] else { throw malformed(key, "a list") }
        return items
    }

    func strings(_ key: String) throws(WorkflowError) -> [String] {
        try array(key).map { item throws(WorkflowError) in
            guard case .string(let text) = item else { throw malformed(key, "a list of text") }
            return text
        }
    }
}

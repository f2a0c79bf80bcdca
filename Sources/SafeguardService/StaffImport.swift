import Foundation
import Ledger
import WorkflowCore

/// A force's HR export read as register additions: JSON Lines
/// (`{"id":"PC1","name":"…","roles":["constable"],"from":"2020-01-01T00:00:00Z","until":null}`) or
/// CSV with the header `id,name,roles,from,until` (roles separated by `;`, fields quoted as RFC 4180
/// quotes them). A line that cannot be read stops the import, naming its line number, never its contents.
public enum StaffImport {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl
        case csv
    }

    public static func changes(_ text: String, format: Format, reason: String) throws(WorkflowError) -> [Casework.StaffChange] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        switch format {
        case .jsonl:
            return try lines.enumerated().filter { !$0.element.isEmpty }.map { number, line throws(WorkflowError) in
                try jsonLine(line, number: number + 1, reason: reason)
            }
        case .csv:
            guard let header = lines.first, try fields(header, number: 1) == ["id", "name", "roles", "from", "until"] else {
                throw .badInput("line 1: the header is not id,name,roles,from,until; expected exactly those columns")
            }
            return try lines.enumerated().dropFirst().filter { !$0.element.isEmpty }.map { number, line throws(WorkflowError) in
                let row = try fields(line, number: number + 1)
                guard row.count == 5 else { throw .badInput("line \(number + 1): \(row.count) fields; expected 5 (id,name,roles,from,until)") }
                return Casework.StaffChange(
                    id: row[0], name: row[1], roles: row[2].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) },
                    validFrom: try time(row[3], "from", number + 1), validUntil: row[4].isEmpty ? nil : try time(row[4], "until", number + 1),
                    reason: reason)
            }
        }
    }

    static func jsonLine(_ line: String, number: Int, reason: String) throws(WorkflowError) -> Casework.StaffChange {
        let expected = "expected {\"id\",\"name\",\"roles\":[…],\"from\",\"until\"}"
        guard case .object(let object)? = try? CanonicalJSONReader.value(line) else {
            throw .badInput("line \(number): not a JSON object; \(expected)")
        }
        if let unknown = object.keys.sorted().first(where: { !["id", "name", "roles", "from", "until"].contains($0) }) {
            throw .badInput("line \(number): unknown key \"\(unknown.prefix(40))\"; \(expected)")
        }
        guard case .string(let id)? = object["id"], case .string(let name)? = object["name"], case .array(let roles)? = object["roles"],
            case .string(let from)? = object["from"]
        else { throw .badInput("line \(number): a field is missing or has the wrong type; \(expected)") }
        let roleNames = roles.compactMap(\.stringValue)
        guard roleNames.count == roles.count else { throw .badInput("line \(number): \"roles\" must be a list of text; \(expected)") }
        var until: Date?
        switch object["until"] {
        case nil, .null?: until = nil
        case .string(let text)?: until = try time(text, "until", number)
        default: throw .badInput("line \(number): \"until\" must be a time or null; \(expected)")
        }
        return Casework.StaffChange(id: id, name: name, roles: roleNames, validFrom: try time(from, "from", number), validUntil: until, reason: reason)
    }

    static func time(_ text: String, _ field: String, _ number: Int) throws(WorkflowError) -> Date {
        guard let date = Instant.parse(text) else {
            throw .badInput("line \(number): \"\(field)\" is not an ISO 8601 time with an offset; expected e.g. 2020-01-01T00:00:00Z")
        }
        return date
    }

    /// One CSV line's fields, with RFC 4180 quoting.
    static func fields(_ line: String, number: Int) throws(WorkflowError) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if quoted {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            index = line.index(after: index)
        }
        guard !quoted else { throw .badInput("line \(number): a quoted field is not closed; expected CSV as RFC 4180 writes it") }
        fields.append(field)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

import Foundation
import WorkflowCore

/// `--data key=value` pairs: the value is JSON when it parses as JSON, otherwise text.
enum DataArguments {
    static func parse(_ pairs: [String]) throws(WorkflowError) -> [String: Value] {
        var fields: [String: Value] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw .badInput("malformed --data \"\(pair.prefix(40))\"; expected key=value")
            }
            let key = String(pair[..<equals])
            guard fields[key] == nil else { throw .badInput("--data \(key) is given twice; expected each field once") }
            fields[key] = value(String(pair[pair.index(after: equals)...]))
        }
        return fields
    }

    static func value(_ text: String) -> Value {
        guard let first = text.unicodeScalars.first, "-0123456789tfn[{\"".unicodeScalars.contains(first),
            let value = try? JSONDecoder().decode(Value.self, from: Data(text.utf8))
        else { return .string(text) }
        return value
    }
}

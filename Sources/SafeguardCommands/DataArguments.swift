import Foundation
import Ledger
import WorkflowCore

/// `--data key=value` pairs: the value is JSON when it parses as JSON, otherwise text.
enum DataArguments {
    static func parse(_ pairs: [String]) throws(WorkflowError) -> [String: Value] {
        var fields: [String: Value] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                // The text is not echoed: it may be a statement typed without its key.
                // Only a word written as a field name is (`reason`, `victim_opinion`), never a name.
                let word = String(pair.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                let named = word.count <= 40 && TransitionEngine.isFieldName(word) ? " starting \(word)" : ""
                throw .badInput("malformed --data\(named) (\(pair.count) characters, no \"=\"); expected key=value, such as days=28")
            }
            let key = String(pair[..<equals])
            guard fields[key] == nil else {
                let named = key.count <= 40 && TransitionEngine.isFieldName(key) ? "--data \(key)" : "a --data key (\(key.count) characters)"
                throw .badInput("\(named) is given twice; expected each field once")
            }
            fields[key] = value(String(pair[pair.index(after: equals)...]))
        }
        return fields
    }

    static func value(_ text: String) -> Value {
        guard let first = text.unicodeScalars.first, "-0123456789tfn[{\"".unicodeScalars.contains(first),
            let value = try? CanonicalJSONReader.value(text)
        else { return .string(text) }
        return value
    }
}

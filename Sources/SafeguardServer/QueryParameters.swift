import Hummingbird
import WorkflowCore

/// A request's query parameters, refused whole when one is not a parameter of the route: a
/// misspelt `reddact=true` must not quietly export everything.
struct QueryParameters {
    let values: [String: String]

    init(_ request: Request, allowed: Set<String>) throws(Problem) {
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard allowed.contains(name) else {
                let expected = allowed.isEmpty ? "no query parameters" : "only " + allowed.sorted().joined(separator: ", ")
                throw Problem(.badInput("unknown query parameter \"\(JSONBody.short(name))\"; expected \(expected)"))
            }
            guard values[name] == nil else { throw Problem(.badInput("query parameter \"\(JSONBody.short(name))\" given twice; expected it once")) }
            values[name] = String(value)
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[name] }

    /// `true` or `false`; anything else is refused rather than read as either.
    func flag(_ name: String) throws(Problem) -> Bool {
        switch values[name] {
        case nil, "false": return false
        case "true": return true
        case let other?: throw Problem(.badInput("\(name) \(JSONBody.short(other)) is not true or false; expected \(name)=true or \(name)=false"))
        }
    }
}

import WorkflowCore

/// The stored form of a procedure's scripts: a list of `{"path","text"}` objects in load order.
extension ScriptSource {
    public static func canonicalText(_ sources: [ScriptSource]) -> String {
        CanonicalJSON.text(.array(sources.map { .object(["path": .string($0.path), "text": .string($0.text)]) }))
    }

    public static func sources(canonicalText text: String) throws(WorkflowError) -> [ScriptSource] {
        guard case .array(let items)? = try? CanonicalJSONReader.value(text) else {
            throw .storage("a stored procedure is not a JSON list; expected its scripts")
        }
        return try items.map { item throws(WorkflowError) in
            let fields = try CanonicalFields(item, what: "a stored procedure's script")
            return ScriptSource(path: try fields.string("path"), text: try fields.string("text"))
        }
    }
}

import SafeguardService
import WorkflowCore

/// `fire --explain` as text and JSON.
enum ExplainText {
    static func describe(_ explanation: Explanation, _ request: TransitionRequest) -> String {
        let results = explanation.checks
        var lines = ["\(request.event) on case \(request.caseID), explained (nothing is recorded)"]
        for result in results {
            let mark = result.passed ? "allow" : "BLOCK"
            let location = result.location.map { "  \($0)" } ?? ""
            lines.append("  \(mark)  \(result.check): \(result.detail)\(location)")
        }
        let blocking = results.filter { !$0.passed }.count
        if let refusal = explanation.refusal {
            lines.append("It would not be recorded (\(refusal.kind.rawValue)): \(blocking) check\(blocking == 1 ? " blocks" : "s block") it.")
        } else {
            lines.append("It would be recorded.")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ explanation: Explanation, _ request: TransitionRequest) -> Value {
        let results = explanation.checks
        return .object([
            "case": .string(request.caseID), "event": .string(request.event),
            "allowed": .bool(explanation.allowed),
            "refusal": explanation.refusal.map { .object(["kind": .string($0.kind.rawValue), "message": .string($0.message)]) } ?? .null,
            "checks": .array(
                results.map { result in
                    .object([
                        "check": .string(result.check), "passed": .bool(result.passed), "detail": .string(result.detail),
                        "source": result.location.map { .string($0.description) } ?? .null,
                    ])
                }),
        ])
    }
}

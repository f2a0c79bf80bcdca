import WorkflowCore

/// `fire --explain` as text and JSON.
enum ExplainText {
    static func describe(_ results: [CheckResult], _ request: TransitionRequest) -> String {
        var lines = ["\(request.event) on case \(request.caseID), explained (nothing is recorded)"]
        for result in results {
            let mark = result.passed ? "allow" : "BLOCK"
            let location = result.location.map { "  \($0)" } ?? ""
            lines.append("  \(mark)  \(result.check): \(result.detail)\(location)")
        }
        let blocking = results.filter { !$0.passed }.count
        lines.append(blocking == 0 ? "It would be recorded." : "It would not be recorded: \(blocking) check\(blocking == 1 ? "" : "s") block it.")
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [CheckResult], _ request: TransitionRequest) -> Value {
        .object([
            "case": .string(request.caseID), "event": .string(request.event),
            "allowed": .bool(results.allSatisfy(\.passed)),
            "checks": .array(results.map { result in
                .object([
                    "check": .string(result.check), "passed": .bool(result.passed), "detail": .string(result.detail),
                    "source": result.location.map { .string($0.description) } ?? .null,
                ])
            }),
        ])
    }
}

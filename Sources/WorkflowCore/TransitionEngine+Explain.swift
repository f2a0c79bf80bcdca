extension TransitionEngine {
    /// Every check that would allow or block the event, in order, each with its location and
    /// reason; unlike `transition`, it goes on past the first that blocks. Guards run only on
    /// complete, well-typed data. Nothing is changed.
    public func explain(_ current: CaseSnapshot?, _ request: TransitionRequest) -> [CheckResult] {
        guard let event = workflow.event(named: request.event) else {
            let names = workflow.events.map(\.name).joined(separator: ", ")
            return [
                CheckResult(check: "event", passed: false, detail: "unknown event \"\(request.event)\" in workflow \(workflow.name); expected one of: \(names)")
            ]
        }
        var results: [CheckResult] = []
        func run(_ check: String, _ location: SourceLocation?, _ passed: String, _ body: () throws(WorkflowError) -> Void) -> Bool {
            do throws(WorkflowError) {
                try body()
                results.append(CheckResult(check: check, passed: true, detail: passed, location: location))
                return true
            } catch {
                results.append(CheckResult(check: check, passed: false, detail: error.message, location: location))
                return false
            }
        }
        _ = run("state", event.location, current.map { "\(event.name) is allowed in \($0.state)" } ?? "\(event.name) opens a new case") {
            () throws(WorkflowError) in
            try checkOrigin(event, current, request)
        }
        _ = run("time", nil, "not before the case's latest change of state") { () throws(WorkflowError) in try checkTime(current, request) }
        _ = run("rank", event.location, "\(event.who) may fire it; the actor's role is \(request.actor.role)") { () throws(WorkflowError) in
            try checkRole(event, request.actor)
        }
        var complete = run("data", event.location, "only fields \(event.name) takes") { () throws(WorkflowError) in
            try checkKnownFields(event, request.data)
        }
        var data: [String: Value] = [:]
        for field in event.fields {
            let present = request.data[field.name].map { $0 != .null } ?? false
            complete =
                run("data \(field.name)", field.location, present ? "given, \(field.type)" : "not needed here (\(field.requirement))") {
                    () throws(WorkflowError) in
                    if let value = try check(field, of: event, request.data) { data[field.name] = value }
                } && complete
        }
        if complete, event.corrects {
            complete = run("correction", event.location, "the value fits the declaration of the field it corrects") { () throws(WorkflowError) in
                _ = try correction(event, current, data)
            }
        }
        guard complete else {
            for check in event.guards {
                results.append(
                    CheckResult(
                        check: "guard \(check.name)", passed: false, detail: "not run: the data above is incomplete or ill-typed", location: check.location))
            }
            return results
        }
        let context = HookContext(snapshot: current, request: request, data: data)
        for check in event.guards {
            switch check.evaluate(context) {
            case .allow:
                results.append(CheckResult(check: "guard \(check.name)", passed: true, detail: "allows", location: check.location))
            case .refuse(let reason):
                results.append(CheckResult(check: "guard \(check.name)", passed: false, detail: personalData(context).apply(reason), location: check.location))
            case .failed(let failure):
                results.append(
                    CheckResult(
                        check: "guard \(check.name)", passed: false, detail: "script error: \(personalData(context).apply(failure).message)",
                        location: check.location))
            }
        }
        return results
    }
}

import WorkflowCore

/// `verify`: the event log's hash chain, and every case replayed against its stored snapshot.
extension Casework {
    /// The events checked, the cases replayed, and every problem found (none when intact).
    public func verify(caseID: String?) throws(WorkflowError) -> (events: Int, cases: Int, problems: [String]) {
        let (events, chainProblems) = try store.verifyChain(caseID: caseID)
        let cases: [String]
        if let caseID {
            cases = [try snapshot(caseID).id]
        } else {
            cases = try store.list(state: nil, force: nil).map(\.id)
        }
        var problems = chainProblems
        for id in cases { problems += try replay(id) }
        return (events, cases.count, problems)
    }
}

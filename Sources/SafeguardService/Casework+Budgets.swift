import WorkflowCore
import WorkflowLua

/// `verify`'s note on budgets: a replay runs under the budgets its procedure records, whatever
/// this run's environment says, and verify says where the two differ.
extension Casework {
    /// One line for each procedure of the cases (or of `caseID`) whose recorded budgets differ from
    /// this run's, or that records none. What cannot be read is left to verify's own problems.
    public func budgetNotes(caseID: String?) -> [String] {
        let listed: [CaseSnapshot]?
        if let caseID { listed = (try? snapshot(caseID)).map { [$0] } } else { listed = try? store.list(state: nil, force: nil) }
        var seen: Set<String> = []
        return budgetNotes(procedures: (listed ?? []).map(\.procedure).filter { seen.insert($0).inserted })
    }

    /// The same notes for the procedures a verify pass saw (`VerifyResult.procedures`), without
    /// reading the cases again.
    public func budgetNotes(procedures: [String]) -> [String] {
        var notes: [String] = []
        for hash in procedures {
            guard let sources = try? store.procedureSources(hash) else { continue }
            let current = configuration.limits
            let recorded: SandboxLimits?
            do throws(WorkflowError) { recorded = try SandboxLimits.recorded(in: sources) } catch { continue }
            switch recorded {
            case .some(let recorded) where recorded != current:
                notes.append(
                    "procedure \(hash.prefix(12)) records budgets of \(recorded.summary); this run's are \(current.summary): its cases were replayed under the recorded ones"
                )
            case .none:
                notes.append(
                    "procedure \(hash.prefix(12)) records no budgets (stored before budgets were recorded): its cases were replayed under this run's, \(current.summary)"
                )
            default: break
            }
        }
        return notes
    }
}

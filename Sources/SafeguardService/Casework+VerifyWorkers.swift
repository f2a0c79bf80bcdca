import Storage
import WorkflowCore

/// `verify` on both cores: each page of cases is split in two halves, replayed at once by this
/// `Casework` and a second one on the same store (each with its own Lua interpreters, which are
/// single-threaded), and the findings are taken back in case order, so the output is the same as
/// one worker's. Only over SQLite, whose reads may run from two threads; other stores replay on one.
extension Casework {
    /// Whether the store's reads may run from two threads at once (SQLite's pool), so a page of
    /// cases may be split between both cores.
    var readsOnTwoThreads: Bool { store is SQLiteCaseStore }

    /// One case's findings from its history.
    func findings(_ snapshot: CaseSnapshot, versions: Set<String>) -> CaseFindings {
        var found = CaseFindings()
        do throws(WorkflowError) {
            let events: [RecordedEvent]
            do throws(WorkflowError) {
                events = try store.history(snapshot.id)
            } catch {
                found.historyRead = false
                throw error
            }
            found.registerProblems = Self.registerVersionProblems(snapshot.id, events, versions: versions)
            found.claimedActors = events.contains { $0.actor.authentication == nil && !$0.actor.claimsEngine }
            found.problems = try replay(snapshot.id, stored: snapshot, events: events)
        } catch {
            found.problems.append("case \(snapshot.id): cannot be replayed: \(error.message)")
        }
        return found
    }

    /// Every case, a page at a time, with its findings and the columns it is stored under, in case
    /// order: on `workers` workers (at most 2) when the store's reads may run on two threads, else
    /// on this one.
    func forEachCaseFound(
        versions: Set<String>, workers: Int, _ body: (CaseSnapshot, CaseFindings, (state: String?, force: String?)) -> Void
    ) throws(WorkflowError) {
        let split = workers > 1 && readsOnTwoThreads
        let workers = split ? [self, Casework(sharing: self)] : [self]
        try store.forEachPage { page in
            let found: [CaseFindings]
            if split {
                let halves = PageSplit(page.cases) { index, half in half.map { workers[index].findings($0, versions: versions) } }.run()
                found = halves.first + halves.second
            } else {
                found = page.cases.map { findings($0, versions: versions) }
            }
            for index in page.cases.indices { body(page.cases[index], found[index], page.listed[index]) }
        }
    }
}

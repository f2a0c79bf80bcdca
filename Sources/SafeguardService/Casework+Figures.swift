import Foundation
import WorkflowCore

/// `report`: the figures each workflow declares, counted from cases' histories and deadlines.
extension Casework {
    /// The figures for each group, in group order (one group, `all`, when not grouped).
    /// - Parameter workflow: only that workflow's cases and figures (nil: every workflow's).
    public func figures(
        force: String?, from: LocalDate?, to: LocalDate?, grouping: FigureCounter.Grouping, workflow: String? = nil
    ) throws(WorkflowError) -> FigureReport {
        if let force { _ = try forces().check(force) }
        var counter = FigureCounter(grouping: grouping, from: from, to: to)
        // The rows: the current workflows' figures first, so an empty report still lists them.
        let current = (try? procedure(force: DefaultWorkflow.nationalForce))?.workflows ?? [:]
        if let workflow, current[workflow] == nil {
            throw .badInput("--workflow \(workflow) is not a workflow; expected one of: \(current.keys.sorted().joined(separator: ", "))")
        }
        // Each workflow's figures are its own: two workflows declaring one name are two rows.
        var figures = current.values.filter { workflow == nil || $0.name == workflow }.sorted { $0.name < $1.name }
            .flatMap { definition in definition.figures.map { $0.declared(by: definition.name) } }
        var named = Set(figures.map(\.key))
        // A page of cases at a time: the report holds its counts, never every case. Over SQLite, each
        // page's histories are read and counted on both cores, the halves' counts then added in
        // case order, so the figures are those one thread would count.
        let split = readsOnTwoThreads
        try store.forEachPage(force: force) { page throws(WorkflowError) in
            var counted: [(CaseSnapshot, WorkflowDefinition)] = []
            for snapshot in page.cases {
                guard workflow == nil || snapshot.workflow == workflow, let definition = figureWorkflow(for: snapshot) else { continue }
                for figure in definition.figures.map({ $0.declared(by: definition.name) }) where named.insert(figure.key).inserted {
                    figures.append(figure)
                }
                counted.append((snapshot, definition))
            }
            let empty = FigureCounter(grouping: grouping, from: from, to: to)
            let count = { [store] (_: Int, half: ArraySlice<(CaseSnapshot, WorkflowDefinition)>) -> Result<FigureCounter, WorkflowError> in
                var part = empty
                do throws(WorkflowError) {
                    for (snapshot, definition) in half { part.add(snapshot, events: try store.history(snapshot.id), workflow: definition) }
                    return .success(part)
                } catch {
                    return .failure(error)
                }
            }
            let halves = split ? PageSplit(counted, work: count).run() : (count(0, counted[...]), .success(empty))
            counter.merge(try halves.first.get())
            counter.merge(try halves.second.get())
        }
        let keys = counter.groups.keys.sorted()
        return FigureReport(figures: figures, groups: keys.isEmpty ? [("all", CaseFigures())] : keys.map { ($0, counter.groups[$0]!) })
    }

    /// The workflow whose figures count a case: its own procedure's, or, when that declares none
    /// (a case opened before figures were declared), the current one's for its force.
    private func figureWorkflow(for snapshot: CaseSnapshot) -> WorkflowDefinition? {
        let pinned = (try? engine(for: snapshot))?.workflow
        if let pinned, !pinned.figures.isEmpty { return pinned }
        return (try? current(snapshot.workflow, force: snapshot.force).engine().workflow) ?? pinned
    }
}

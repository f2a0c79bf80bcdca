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
        // A page of cases at a time: the report holds its counts, never every case.
        try store.forEachCase(force: force) { snapshot throws(WorkflowError) in
            guard workflow == nil || snapshot.workflow == workflow, let definition = figureWorkflow(for: snapshot) else { return }
            for figure in definition.figures.map({ $0.declared(by: definition.name) }) where named.insert(figure.key).inserted {
                figures.append(figure)
            }
            counter.add(snapshot, events: try store.history(snapshot.id), workflow: definition)
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

import Foundation
import WorkflowCore

/// The regime table: which workflow new cases run, and which open cases an edit of it would have
/// opened differently.
extension Casework {
    /// The regime table in the scripts folder.
    public func regimes() throws(WorkflowError) -> RegimeTable {
        try RegimeTable.load(from: try configuration.scriptFolder())
    }

    /// The case's area, from `--area` or its `area` data (normalised), refused when they differ.
    static func area(_ named: String?, data: String?) throws(WorkflowError) -> String? {
        let a = named.map(RegimeTable.areaKey), b = data.map(RegimeTable.areaKey)
        if let a, let b, a != b {
            throw .badInput("--area \(a) and --data area=\(b) name different areas; expected one area for the case")
        }
        return a ?? b
    }

    /// The workflow the regime table chooses for a new case, which the scripts must have.
    func chooseWorkflow(force: String, area: String?, at: Date) throws(WorkflowError) -> String {
        let day = London.date(of: at)
        let workflow = try regimes().choose(force: force, area: area, on: day)
        let known = try procedure(force: force).workflows.keys.sorted()
        guard known.contains(workflow) else {
            throw .script("\(RegimeTable.path): \(force) on \(day) runs workflow \(workflow), which the scripts do not have; expected one of: \(known.joined(separator: ", "))")
        }
        return workflow
    }

    /// Open cases of the workflows the table chooses between (its rows' and its default) that the
    /// table as it stands would open under another workflow, or could not open without an area.
    /// Nothing changes: a case keeps its regime.
    public func regimeChanges() throws(WorkflowError) -> [RegimeChange] {
        let table = try regimes()
        let regimes = Set(table.rows.map(\.regime) + [table.defaultRegime])
        var changes: [RegimeChange] = []
        for snapshot in try store.list(state: nil, force: nil) where regimes.contains(snapshot.workflow) {
            if (try? engine(for: snapshot))?.workflow.state(named: snapshot.state)?.isFinal == true { continue }
            let area = snapshot.data["area"]?.stringValue
            let day = London.date(of: snapshot.openedAt)
            var change = RegimeChange(
                id: snapshot.id, force: snapshot.force, area: area, openedOn: day.description, workflow: snapshot.workflow)
            do {
                let chosen = try table.choose(force: snapshot.force, area: area, on: day)
                guard chosen != snapshot.workflow else { continue }
                change.tableChooses = chosen
            } catch {
                // Only a force that runs another regime in some areas needs one; a workflow whose
                // opening event takes no area (dvpo) cannot have recorded it.
                change.reason = area == nil
                    ? "the case records no area, and the table needs one for \(snapshot.force) on \(day); check it by hand"
                    : error.message
            }
            changes.append(change)
        }
        return changes
    }

    /// The case and those linked to it: the case it names in `linked_case`, and every case that
    /// names it (a restraining order or a disclosure request that followed a notice case).
    public func linked(_ id: String) throws(WorkflowError) -> [CaseSnapshot] {
        let root = try snapshot(id)
        var result = [root]
        if let other = root.data["linked_case"]?.stringValue, let found = try store.snapshot(other) {
            result.append(found)
        }
        for candidate in try store.list(state: nil, force: nil)
        where candidate.data["linked_case"]?.stringValue == id && !result.contains(where: { $0.id == candidate.id }) {
            result.append(candidate)
        }
        return result
    }
}

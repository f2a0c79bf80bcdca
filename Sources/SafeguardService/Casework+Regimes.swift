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
            throw .script(
                "\(RegimeTable.path): \(force) on \(day) runs workflow \(workflow), which the scripts do not have; expected one of: \(known.joined(separator: ", "))"
            )
        }
        return workflow
    }

    /// A workflow named with `--workflow` that the table gives to some forces, areas and periods only
    /// (dapo: Part 3 of the Domestic Abuse Act 2021 is in force only where and while the commencement
    /// regulations bring it in) is refused for a case the table does not put under it, naming the row
    /// (or the default) that applies. The default workflow stays allowed everywhere: the 2010 Act's
    /// provisions were not repealed where Part 3 is in force.
    func checkNamedWorkflow(_ workflow: String, force: String, area: String?, at: Date) throws(WorkflowError) {
        let table = try regimes()
        guard workflow != table.defaultRegime, table.rows.contains(where: { $0.regime == workflow }) else { return }
        let day = London.date(of: at)
        let chosen: String
        do throws(WorkflowError) {
            chosen = try table.choose(force: force, area: area, on: day)
        } catch {
            let areas = table.rows.filter { $0.force == force && $0.regime == workflow && $0.covers(day) }.compactMap(\.area)
            throw .badInput(
                "--workflow \(workflow): \(force) runs \(workflow) on \(day) only in some areas (\(areas.sorted().joined(separator: ", "))); expected --area naming the case's area"
            )
        }
        guard chosen != workflow else { return }
        let applies: String
        if let (number, row) = table.row(force: force, area: area, on: day) {
            applies = "row \(number) (\(row.force)\(row.area.map { " " + $0 } ?? "") \(row.span), \(row.source)) puts it under \(row.regime)"
        } else {
            applies = "no row covers it, so the default \(table.defaultRegime) applies"
        }
        let place = area.map { "\(force) \($0)" } ?? force
        throw .refused(
            "--workflow \(workflow) is not in force for \(place) on \(day): \(RegimeTable.path) \(applies); expected --workflow \(chosen), or no --workflow")
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
                change.reason =
                    area == nil
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

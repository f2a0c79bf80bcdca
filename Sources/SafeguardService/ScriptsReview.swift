import Foundation
import WorkflowCore
import WorkflowLua

/// What the command line's `check`, `forces` and `deadline` read from the scripts folder, without
/// a database.
public enum ScriptsReview {
    /// Every problem in the scripts folder (the national procedure and each force's, each problem
    /// once), and the forces in the force register the plugins name (a plugin folder that is no
    /// force, `Plugins/zz_tools`, counts only by the forces it names).
    public static func check(_ configuration: Configuration) throws(WorkflowError) -> (errors: [WorkflowError], warnings: [WorkflowError], forces: [String]) {
        let root = try configuration.scriptFolder()
        let (findings, forces) = Procedure.diagnose(ScriptFolder(root: root), limits: configuration.limits)
        let register = (try? ForceRegister.load(configuration)).map { Set($0.ids) }
        let named = register.map { register in forces.filter(register.contains) } ?? forces
        return (findings.errors + regimeProblems(root, configuration), findings.warnings, named)
    }

    /// The regime table's problems: one that cannot be read, and rows naming a workflow the scripts lack.
    static func regimeProblems(_ root: URL, _ configuration: Configuration) -> [WorkflowError] {
        let table: RegimeTable
        do { table = try RegimeTable.load(from: root) } catch { return [error] }
        guard let procedure = try? Casework.loadProcedure(configuration, force: nil) else { return [] }
        let workflows = procedure.workflows.keys.sorted()
        var problems: [WorkflowError] = []
        // A workflow whose own file failed is reported at that file, once, not at every row naming it.
        for (index, row) in table.rows.enumerated() where !workflows.contains(row.regime) && procedure.unavailable[row.regime] == nil {
            problems.append(
                .script(
                    "\(RegimeTable.path): row \(index + 1) (\(row.force)) names workflow \(row.regime), which the scripts do not have; expected one of: \(workflows.joined(separator: ", "))"
                ))
        }
        if !workflows.contains(table.defaultRegime), procedure.unavailable[table.defaultRegime] == nil {
            problems.append(
                .script(
                    "\(RegimeTable.path): the default workflow \(table.defaultRegime) is not in the scripts; expected one of: \(workflows.joined(separator: ", "))"
                ))
        }
        return problems
    }

    /// Each force the plugins name, with the hash over its whole procedure and the plugins
    /// layered on for it, in force order. One force's broken scripts stop only that force: it is
    /// listed with its error, and so is a force in the register whose plugin folder failed before
    /// its plugin could say which forces it is for.
    public static func forces(_ configuration: Configuration) throws(WorkflowError) -> [ForceProcedure] {
        let national = try Casework.loadProcedure(configuration, force: nil)
        let declaredFolders = Set(national.allPlugins.map { pluginFolder(of: $0.location.file) })
        let register = Set((try? ForceRegister.load(configuration))?.ids ?? [])
        let undeclared = try ScriptFolder(root: try configuration.scriptFolder()).pluginSources()
            .map { pluginFolder(of: $0.path) }.filter { !declaredFolders.contains($0) }
            .map { String($0.dropFirst("Plugins/".count)) }.filter(register.contains)
        return Set(national.allPlugins.flatMap(\.forces) + undeclared).sorted().map { force in
            do throws(WorkflowError) {
                let procedure = try Casework.loadProcedure(configuration, force: force)
                return ForceProcedure(
                    force: force, hash: ProcedureVersion.wholeHash(procedure),
                    plugins: procedure.workflows.values.sorted { $0.name < $1.name }.flatMap(\.plugins))
            } catch {
                return ForceProcedure(force: force, hash: nil, plugins: [], failure: error)
            }
        }
    }

    /// `Plugins/essex` for `Plugins/essex/plugin.lua`.
    static func pluginFolder(of path: String) -> String {
        path.split(separator: "/").prefix(2).joined(separator: "/")
    }

    /// A workflow's clock under a force's procedure (the national one for nil), with the
    /// bank-holiday table counted-time clocks use.
    /// - Throws: `badInput` naming the clocks there are when there is no such clock.
    public static func clock(_ name: String, workflow: String, force: String?, _ configuration: Configuration) throws(WorkflowError) -> (
        clock: ClockDefinition, calendar: HolidayTable?
    ) {
        let procedure = try Casework.loadProcedure(configuration, force: force)
        let definition = try procedure.workflow(workflow)
        guard let clock = definition.clock(named: name) else {
            throw .badInput("unknown clock \"\(name)\" in workflow \(workflow); expected one of: \(definition.clocks.map(\.name).joined(separator: ", "))")
        }
        return (clock, procedure.calendar)
    }

    /// Where the bank-holiday table is looked for in a scripts folder.
    public static let calendarPath = ScriptFolder.calendarPath
}

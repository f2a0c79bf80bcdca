import Foundation
import WorkflowCore

/// Which workflow a new case runs, chosen by data (`Regimes/england-and-wales.json` in the scripts
/// folder) from the case's force, its area and the London date it is opened: the Domestic Abuse
/// Act 2021's notices and orders where and while the commencement regulations bring them in, the
/// Crime and Security Act 2010's everywhere else. A case keeps the workflow it was opened with.
///
///     let table = try RegimeTable.load(from: scriptsFolder)
///     try table.choose(force: "greater_manchester", area: nil, on: LocalDate(iso: "2026-02-10")!)  // "dapo"
public struct RegimeTable: Sendable, Hashable {
    public static let path = "Regimes/england-and-wales.json"

    public var version: String
    /// The workflow for a force, area and date no row covers.
    public var defaultRegime: String
    public var rows: [RegimeRow]

    public init(version: String, defaultRegime: String, rows: [RegimeRow]) throws(WorkflowError) {
        self.version = version
        self.defaultRegime = defaultRegime
        self.rows = rows
        for (index, row) in rows.enumerated() {
            if let until = row.until, until < row.from {
                throw .script("\(Self.path): row \(index + 1) (\(row.force)) ends \(until) before it starts \(row.from); expected until on or after from")
            }
            for other in rows[..<index] where other.force == row.force && other.area == row.area {
                let overlap = row.from <= (other.until ?? row.from) && other.from <= (row.until ?? other.from)
                if overlap {
                    throw .script(
                        "\(Self.path): row \(index + 1) (\(row.force)\(row.area.map { " " + $0 } ?? "")) overlaps another row for the same force and area (\(other.span)); expected one regime a day"
                    )
                }
            }
        }
    }

    /// The table in a scripts folder; without one, every case runs the default workflow.
    public static func load(from root: URL) throws(WorkflowError) -> RegimeTable {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            return try RegimeTable(version: "none", defaultRegime: DefaultWorkflow.name, rows: [])
        }
        return try decode(data)
    }

    static func decode(_ data: Data) throws(WorkflowError) -> RegimeTable {
        struct File: Decodable {
            struct Row: Decodable {
                var force: String
                var area: String?
                var regime: String
                var from: String
                var until: String?
                var source: String?
                var note: String?
            }
            var version: String
            var `default`: String
            var rows: [Row]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .script("\(path): not a regime table; expected JSON with version, default and rows [{force, area?, regime, from, until?, source}]")
        }
        var rows: [RegimeRow] = []
        for (index, row) in file.rows.enumerated() {
            guard let from = LocalDate(iso: row.from) else {
                throw .script("\(path): row \(index + 1) has from \"\(row.from)\"; expected a date YYYY-MM-DD")
            }
            var until: LocalDate?
            if let text = row.until {
                guard let date = LocalDate(iso: text) else { throw .script("\(path): row \(index + 1) has until \"\(text)\"; expected a date YYYY-MM-DD") }
                until = date
            }
            rows.append(
                RegimeRow(
                    force: row.force, area: row.area.map(Self.areaKey), regime: row.regime, from: from, until: until, source: row.source ?? ""))
        }
        return try RegimeTable(version: file.version, defaultRegime: file.default, rows: rows)
    }

    /// `Croydon`, `croydon` and ` croydon ` are one area; so are `Redcar and Cleveland` and `redcar_and_cleveland`.
    public static func areaKey(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// The row that covers a case of `force` in `area` opened on `day` (the area's row before the
    /// whole force's), with its number in the file; nil when none does and the default applies.
    public func row(force: String, area: String?, on day: LocalDate) -> (number: Int, row: RegimeRow)? {
        let live = rows.enumerated().filter { $0.element.force == force && $0.element.covers(day) }
        if let area, let match = live.first(where: { $0.element.area == Self.areaKey(area) }) {
            return (match.offset + 1, match.element)
        }
        return live.first(where: { $0.element.area == nil }).map { ($0.offset + 1, $0.element) }
    }

    /// The workflow a case of `force` in `area` opened on `day` runs, or a refusal saying why none
    /// can be chosen (the force runs another regime in some of its areas and no area was given).
    public func choose(force: String, area: String?, on day: LocalDate) throws(WorkflowError) -> String {
        let live = rows.filter { $0.force == force && $0.covers(day) }
        if let area {
            let key = Self.areaKey(area)
            if let row = live.first(where: { $0.area == key }) { return row.regime }
        }
        if let row = live.first(where: { $0.area == nil }) { return row.regime }
        let areas = live.compactMap(\.area)
        if area == nil, !areas.isEmpty {
            let regimes = Set(live.map(\.regime)).sorted().joined(separator: ", ")
            throw .badInput(
                "\(force) runs \(regimes) on \(day) only in some areas (\(areas.sorted().joined(separator: ", "))) and \(defaultRegime) elsewhere; expected --area naming the case's area, or --workflow"
            )
        }
        return defaultRegime
    }
}

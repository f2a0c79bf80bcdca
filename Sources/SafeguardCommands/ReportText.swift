import SafeguardService
import WorkflowCore

/// Report figures as a table, JSON or CSV (long form: group, figure, value).
enum ReportText {
    static func render(_ report: FigureReport, format: String, json: Bool) -> String {
        let names = report.figures.map(report.label)
        if json || format == "json" {
            return Rendering.json(
                .object([
                    "groups": .array(
                        report.groups.map { name, figures in
                            .object(["group": .string(name), "figures": .object(Dictionary(report.values(figures), uniquingKeysWith: { first, _ in first }))])
                        })
                ]))
        }
        if format == "csv" {
            var lines = ["group,figure,value"]
            for (name, figures) in report.groups {
                for (figure, value) in report.values(figures) { lines.append("\(csv(name)),\(figure),\(csv(cell(value)))") }
            }
            return lines.joined(separator: "\n")
        }
        let width = names.map(\.count).max() ?? 0
        let columns = report.groups.map { name, figures in (name, report.values(figures).map { cell($0.value) }) }
        let widths = columns.map { max($0.0.count, $0.1.map(\.count).max() ?? 0) }
        var lines = [
            "figure".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + zip(columns, widths).map { $0.0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        ]
        for (row, figure) in names.enumerated() {
            lines.append(
                figure.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + zip(columns, widths).map { $0.0.1[row].padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    /// `12`, `91.7`, `14:3;28:7`, or `-` for none.
    static func cell(_ value: Value) -> String {
        switch value {
        case .null: return "-"
        case .integer(let i): return String(i)
        case .number(let d): return d.rounded() == d ? String(Int(d)) : String(d)
        case .object(let counts):
            let keys = counts.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
            return keys.isEmpty ? "-" : keys.map { "\($0):\(cell(counts[$0]!))" }.joined(separator: ";")
        default: return Rendering.text(value)
        }
    }

    static func csv(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

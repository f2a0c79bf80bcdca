import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard regimes`: the regime table, and with --check the open cases it would now open differently.
struct Regimes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regimes",
        abstract: "Show the regime table that chooses a new case's workflow by force, area and date.",
        discussion: """
            The table is Regimes/england-and-wales.json in the scripts folder. A case keeps the workflow it was opened with; after editing the table, --check lists the open cases the table as it stands would have opened under another workflow (or could not choose one for without an area), and changes nothing.

            Examples:  safeguard regimes
                       safeguard regimes --check --json
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "List open cases the table as it stands would have opened under another workflow.")
    var check = false

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration())
            if check {
                let changes = try casework.regimeChanges()
                if global.json {
                    print(DocumentEncoder.json(["cases": changes]))
                    return
                }
                if changes.isEmpty { print("No open case would be opened under another workflow by the table as it stands.") }
                for change in changes {
                    let area = change.area.map { " (\($0))" } ?? ""
                    let now = change.tableChooses.map { "the table now chooses \($0)" } ?? "the table now cannot choose: \(change.reason ?? "")"
                    print("\(change.id)  \(change.force)\(area)  opened \(change.openedOn)  runs \(change.workflow); \(now)")
                }
                if !changes.isEmpty { print("\(changes.count) open case(s); each keeps its workflow (a case never changes regime).") }
                return
            }
            let table = try casework.regimes()
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "version": .string(table.version), "default": .string(table.defaultRegime),
                            "rows": .array(
                                table.rows.map { row in
                                    .object([
                                        "force": .string(row.force), "area": row.area.map(Value.string) ?? .null, "regime": .string(row.regime),
                                        "from": .string(row.from.description), "until": row.until.map { .string($0.description) } ?? .null,
                                        "source": .string(row.source),
                                    ])
                                }),
                        ])))
                return
            }
            print("Regime table \(table.version): a new case runs")
            for row in table.rows {
                print("  \(row.regime) in \(row.force)\(row.area.map { " (\($0))" } ?? "") from \(row.span)  [\(row.source)]")
            }
            print("  \(table.defaultRegime) in every other force, area and date")
        }
    }
}

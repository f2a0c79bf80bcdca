import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard report`: the figures of the pilot evaluation and the forces' own reporting.
struct Report: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Report the figures forces and the Home Office use: notices, applications, orders, grant rate, order lengths, hearings against the 48-hour deadline, breaches and outcomes, visits, closures.",
        discussion: """
            Each event counts in the period and group of its own time (London dates); deadlines in those of their start. A notice never served counts where it was authorised; the order breach rate is orders breached at least once over orders granted.

            Each workflow declares its own figures; --workflow reports one workflow's alone. Two workflows' figures are never added together: a name both declare is shown as workflow.figure (dvpo.notices_authorised, zzz.notices_authorised).

            Examples:  safeguard report --by month --from 2026-01-01 --to 2026-12-31
                       safeguard report --workflow dapo --by force
                       safeguard report --by force --format csv > figures.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only cases of this force.")
    var force: String?

    @Option(help: ArgumentHelp("Only events on or after this day (YYYY-MM-DD, London).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only events on or before this day (YYYY-MM-DD, London).", valueName: "date"))
    var to: String?

    @Option(help: "Only this workflow's cases and figures: dvpo, dapo, dvds, restraining_order (default: every workflow's).")
    var workflow: String?

    @Option(help: "Group by month or force (default: one group of everything).")
    var by: String?

    @Option(help: "table, json or csv.")
    var format: Format = .table

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let grouping = try FigureCounter.Grouping(rawValue: by ?? "all").orThrow(.badInput("--by \(by ?? "") is not a grouping; expected month or force"))
            let fromDate = try from.map { text throws(WorkflowError) in
                try LocalDate(iso: text).orThrow(.badInput("--from \(text) is not a date; expected YYYY-MM-DD"))
            }
            let toDate = try to.map { text throws(WorkflowError) in
                try LocalDate(iso: text).orThrow(.badInput("--to \(text) is not a date; expected YYYY-MM-DD"))
            }
            let groups = try Casework(try global.configuration(), access: .readOnly).figures(
                force: force, from: fromDate, to: toDate, grouping: grouping, workflow: workflow)
            print(ReportText.render(groups, format: format.rawValue, json: global.json))
        }
    }
}

extension Optional {
    /// The value, or the error when there is none.
    func orThrow(_ error: WorkflowError) throws(WorkflowError) -> Wrapped {
        guard let self else { throw error }
        return self
    }
}

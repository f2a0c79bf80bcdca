import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard open`: opens a case with its workflow's opening event (report_incident).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a case: records the workflow's opening event (report_incident for dvpo).",
        discussion: """
            Example:
              safeguard open --workflow dvpo --force essex --id C1 \\
                --at 2026-05-23T22:10:00+01:00 --actor PC1234 --role constable \\
                --data perpetrator_dob=1990-04-01 --data relationship=cohabitant \\
                --data violence=used
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The workflow to run.")
    var workflow = DefaultWorkflow.name

    @Option(help: "The force whose procedure applies, e.g. essex (an id from Forces/england-and-wales.json).", completion: Completions.forces())
    var force: String

    @Option(name: .customLong("id"), help: "The new case's id (default: a generated C-XXXXXXXX).")
    var caseID: String?

    @Option(name: .customLong("event-id"), help: "An id that makes this request idempotent.")
    var eventID: String?

    @OptionGroup var event: EventOptions

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let request = TransitionRequest(
                caseID: caseID ?? "C-" + UUID().uuidString.prefix(8), event: "", at: try event.instant(),
                actor: try event.actorValue(), data: try event.fields(), eventID: eventID, workflow: workflow, force: force)
            let outcome = try Casework(try global.configuration()).open(request)
            TransitionPrinter.print(outcome, json: global.json)
        }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard open`: opens a case with its workflow's opening event (report_incident).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a case: records the workflow's opening event (report_incident for dvpo and dapo).",
        discussion: """
            Without --workflow, the regime table (Regimes/england-and-wales.json in the scripts folder) chooses it from --force, --area and the London date of --at: dapo (Domestic Abuse Act 2021) where and while the commencement regulations bring it in, dvpo (Crime and Security Act 2010) elsewhere. A force that runs dapo only in some areas (metropolitan: croydon, bromley, sutton) needs --area. --workflow dapo is refused where the table does not choose dapo; --workflow dvpo is allowed everywhere (the 2010 Act was not repealed). The case keeps its workflow whatever later happens to the table. dvds (Clare's Law) and restraining_order are always named with --workflow.

            Examples:
              safeguard open --force essex --id C1 \\
                --at 2026-05-23T22:10:00+01:00 --actor PC1234 --role constable \\
                --data perpetrator_dob=1990-04-01 --data relationship=cohabitant \\
                --data violence=used
              safeguard open --force metropolitan --area croydon --id M1 --at 2026-02-10T21:00:00Z \\
                --actor PC9 --role constable --data route=police_notice --data perpetrator_dob=1985-03-02 \\
                --data victim_dob=1990-07-09 --data relationship=intimate_relationship \\
                --data abuse=controlling_or_coercive,economic
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The workflow to run (default: the regime table's choice for the force, area and date).")
    var workflow: String?

    @Option(help: "The area within the force (a London borough, for example) the regime table chooses by.")
    var area: String?

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
            let casework = try Casework(try global.configuration())
            let outcome = try casework.open(request, area: area)
            TransitionPrinter.print(outcome, json: global.json)
            ClaimedIdentities.warnIfClaimed(casework, json: global.json)
        }
    }
}

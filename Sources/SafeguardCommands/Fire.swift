import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard fire`: records one event on a case, whole or not at all.
struct Fire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fire",
        abstract: "Fire an event on a case; prints the transition, or one line saying why not.",
        discussion: """
            Example:
              safeguard fire C1 authorise_notice --at 2026-05-24T01:30:00+01:00 \\
                --actor SUP77 --role superintendent --data grounds="..." \\
                --data victim_opinion="..." --data children_welfare="none" \\
                --data perpetrator_representations="none made" \\
                --data premises_conditions=false
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.cases())
    var caseID: String

    @Argument(help: "The event, e.g. authorise_notice.", completion: Completions.events())
    var eventName: String

    @Option(name: .customLong("id"), help: "An event id that makes this request idempotent: a second fire with it changes nothing.")
    var eventID: String?

    @Flag(
        help:
            "Change nothing: list every check that would allow or block this event (guards and actions run, changes discarded), with its file:line and reason; exits as fire would (0 allowed, 1 refused, 2 bad input, 3 script error)."
    )
    var explain = false

    @OptionGroup var event: EventOptions

    func run() throws {
        var verdict: WorkflowError?
        try reporting(json: global.json) { () throws(WorkflowError) in
            let request = TransitionRequest(
                caseID: caseID, event: eventName, at: try event.instant(), actor: try event.actorValue(),
                data: try event.fields(), eventID: eventID)
            let casework = try Casework(try global.configuration())
            if explain {
                let explanation = try casework.explain(request)
                print(global.json ? Rendering.json(ExplainText.json(explanation, request)) : ExplainText.describe(explanation, request))
                verdict = explanation.refusal
                return
            }
            TransitionPrinter.print(try casework.fire(request), json: global.json)
            ClaimedIdentities.warnIfClaimed(casework, json: global.json)
        }
        if let verdict { throw ExitCode(ExitStatus.code(for: verdict.kind)) }
    }
}

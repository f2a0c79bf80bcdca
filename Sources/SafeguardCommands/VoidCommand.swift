import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard void`: marks a wrongly recorded event void, with a reason, and rebuilds the case.
struct VoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Void a wrongly recorded event (sergeant or above): the case is rebuilt without it; the history keeps both.",
        discussion: """
            For an event recorded by mistake — a time in the wrong year, an event fired on the wrong case — a supervisor records a void_event naming the event's number (from 'safeguard history') and why. Nothing is deleted: the history keeps the event and its void, and the case is rebuilt by replaying its events without the voided ones ('safeguard verify' replays it the same way). The void is dated at the latest event that remains, so the right event can then be recorded at its true time; the voider must have held the role at that time on the staff register. The clock's events that answered a deadline only the voided event gave (a hearing recorded missed on a service time typed wrongly, an expiry at a corrected end) are voided with it, in the same void, and listed; tick then fires again for what is due. It is refused when an event after the voided one would no longer be allowed (void that one first), for the opening event (correct_record a field it recorded, its own data such as an order's terms included, or close a case opened in error), for a void (record the voided event again instead) and a migration (migrate back instead), and for an expiry or missed deadline whose deadline would still be due without it. A voided event's --id is not reused: record it again under a new id. A staff role (legal_officer) is refused as below sergeant (exit 1).

            Example:
              safeguard void C1 --event 3 --reason "served time typed as the 14th" --actor SGT12 --role sergeant
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.cases())
    var caseID: String

    @Option(name: .customLong("event"), help: ArgumentHelp("The number of the event to void, as 'safeguard history' shows it.", valueName: "n"))
    var sequence: Int

    @Option(help: "Why the event was wrong: recorded in the case's history.")
    var reason: String

    @Option(
        help: ArgumentHelp(
            "Who voids it: a collar or staff number. Where the store keeps a staff register, the holder of your token is the actor, and this may be left out.",
            valueName: "id"))
    var actor: String?

    @Option(
        help: ArgumentHelp(
            "The actor's rank: sergeant or above. Where the store keeps a staff register, one the register gives you now (default: your first).",
            valueName: "role"))
    var role: String?

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration())
            let outcome = try casework.void(caseID: caseID, sequence: sequence, reason: reason, actor: Actor(id: actor ?? "", role: role ?? ""))
            TransitionPrinter.print(outcome, json: global.json)
            ClaimedIdentities.warnIfClaimed(casework, json: global.json)
        }
    }
}

import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard history`: a case's events, oldest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a case's events, oldest first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.")
    var caseID: String

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration())
            _ = try casework.snapshot(caseID)
            let events = try casework.store.history(caseID)
            if global.json {
                print(DocumentEncoder.json(HistoryDocument(caseID: caseID, events: events)))
            } else {
                for event in events { print(Rendering.transitionLine(event)) }
            }
        }
    }
}

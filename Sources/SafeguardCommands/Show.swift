import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard show`: a case as it stands.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a case: its state, data, deadlines and the events allowed next.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.")
    var caseID: String

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration())
            let snapshot = try casework.snapshot(caseID)
            let next = (try? casework.engine(for: snapshot))?.workflow.eventsForPeople(in: snapshot.state).map(\.name)
            if global.json {
                print(DocumentEncoder.json(CaseDocument(snapshot: snapshot, nextEvents: next)))
            } else {
                print(CaseText.describe(snapshot, nextEvents: next))
            }
        }
    }
}

import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard history`: a case's events, oldest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a case's events, oldest first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.cases())
    var caseID: String

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let document = try Casework(try global.configuration()).history(caseID)
            if global.json {
                print(DocumentEncoder.json(document))
            } else {
                for event in document.events { print(Rendering.transitionLine(event)) }
            }
        }
    }
}

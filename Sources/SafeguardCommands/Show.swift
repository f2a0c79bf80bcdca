import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard show`: a case as it stands.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a case: its state, data, deadlines and the events allowed next.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.cases())
    var caseID: String

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let document = try Casework(try global.configuration()).show(caseID)
            print(global.json ? DocumentEncoder.json(document) : CaseText.describe(document.snapshot, nextEvents: document.nextEvents))
        }
    }
}

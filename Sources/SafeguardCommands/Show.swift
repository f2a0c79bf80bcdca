import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard show`: a case as it stands.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case: its state, data, deadlines and the events allowed next.",
        discussion: """
            --linked shows the case together with the cases linked to it: the case it names in linked_case, and every case naming it (a restraining order or a Clare's Law request that followed a DVPO or DAPO case).

            Examples:  safeguard show C1
                       safeguard show C1 --linked --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.cases())
    var caseID: String

    @Flag(help: "Also show the cases linked to this one (linked_case), in turn.")
    var linked = false

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration(), access: .readOnly)
            guard linked else {
                let document = try casework.show(caseID)
                print(global.json ? DocumentEncoder.json(document) : describe(document))
                return
            }
            var documents: [CaseDocument] = []
            for snapshot in try casework.linked(caseID) { documents.append(try casework.show(snapshot.id)) }
            if global.json {
                print(DocumentEncoder.json(documents))
            } else {
                print(documents.map(describe).joined(separator: "\n\n"))
            }
        }
    }

    /// The case as text; where some or all of its identities are claimed, a last line says so.
    func describe(_ document: CaseDocument) -> String {
        let text = CaseText.describe(document.snapshot, nextEvents: document.nextEvents)
        switch document.identities {
        case "claimed": return text + "\nidentities: claimed, not proven (this store keeps no staff register)"
        case "mixed": return text + "\nidentities: mixed (events recorded before the staff register have claimed actors and roles, not proven)"
        default: return text
        }
    }
}

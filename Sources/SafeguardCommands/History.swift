import ArgumentParser
import WorkflowCore

/// `safeguard history`: a case's events, oldest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a case's events, oldest first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.")
    var caseID: String

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(global)
            _ = try casework.snapshot(caseID)
            let events = try casework.store.history(caseID)
            if global.json {
                print(Rendering.json(.object(["case": .string(caseID), "events": .array(events.map(Rendering.eventValue))])))
            } else {
                for event in events {
                    print(Rendering.transitionLine(event))
                    for case .string(let warning) in event.data[TransitionEngine.warningsKey]?.arrayValue ?? [] {
                        print("  warning: \(warning)")
                    }
                }
            }
        }
    }
}

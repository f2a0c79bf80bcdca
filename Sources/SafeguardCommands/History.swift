import ArgumentParser
import SafeguardService
import WorkflowCore

/// `safeguard history`: a case's events, oldest first.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List a case's events, oldest first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The case id.", completion: Completions.cases())
    var caseID: String

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let document = try Casework(try global.configuration(), access: .readOnly).history(caseID)
            if global.json {
                print(DocumentEncoder.json(document))
            } else {
                // Voids and what they voided are marked, so the record reads as it stands.
                var voidedBy: [Int: Int] = [:]
                for event in document.events where event.event == Casework.voidEvent {
                    for target in Casework.voidTargets(event) { voidedBy[target] = event.sequence }
                }
                for event in document.events {
                    var line = Rendering.transitionLine(event)
                    if let by = voidedBy[event.sequence] { line += "  [void: see event \(by)]" }
                    if event.event == Casework.voidEvent, let target = event.data["event"]?.integerValue {
                        let with = Casework.voidTargets(event).dropFirst().map(String.init)
                        line += "  [voids event \(target)\(with.isEmpty ? "" : ", with the clock's event\(with.count == 1 ? "" : "s") \(with.joined(separator: ", "))")]"
                    }
                    print(line)
                    if let change = document.importChange(of: event) {
                        print("  imported by \(change.by) (\(change.version), \(Instant.format(change.recordedAt))): \(OneLine.escaped(change.reason))")
                    }
                    for case .string(let warning) in event.data[TransitionEngine.warningsKey]?.arrayValue ?? [] {
                        print("  warning: \(warning)")
                    }
                }
            }
        }
    }
}

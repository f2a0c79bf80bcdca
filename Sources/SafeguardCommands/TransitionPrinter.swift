import Foundation
import SafeguardService
import WorkflowCore

/// What `open` and `fire` print after recording, or finding already recorded, an event.
enum TransitionPrinter {
    static func print(_ outcome: RecordOutcome, json: Bool) {
        switch outcome {
        case .recorded(let event, let snapshot):
            if json {
                Swift.print(
                    Rendering.json(
                        .object([
                            "recorded": true, "event": Rendering.eventValue(event), "case": Rendering.caseValue(snapshot),
                        ])))
            } else {
                Swift.print(Rendering.transitionLine(event))
                for case .string(let warning) in event.data[TransitionEngine.warningsKey]?.arrayValue ?? [] {
                    Swift.print("  warning: \(warning)")
                }
                for deadline in snapshot.deadlines where deadline.startedAt == event.at && deadline.status == .pending {
                    Swift.print("  \(deadline.clock) due \(Instant.format(deadline.due))")
                }
            }
        case .alreadyRecorded(let event):
            if json {
                Swift.print(Rendering.json(.object(["recorded": false, "event": Rendering.eventValue(event)])))
            } else {
                Swift.print("\(event.caseID)  event id \(event.eventID ?? "") is already recorded (event \(event.sequence), \(event.event)); nothing changed")
            }
        }
    }
}

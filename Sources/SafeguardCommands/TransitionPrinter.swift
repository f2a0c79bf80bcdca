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
                if event.event == Casework.voidEvent {
                    let with = Casework.voidTargets(event).dropFirst().map(String.init)
                    if !with.isEmpty {
                        Swift.print(
                            "  voids with it the clock's event\(with.count == 1 ? "" : "s") \(with.joined(separator: ", ")), fired for a deadline the case no longer has due then; tick fires again for what is due now")
                    }
                }
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

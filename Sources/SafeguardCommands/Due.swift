import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard due`: pending and overdue deadlines across all cases, soonest first.
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List pending and overdue deadlines across all cases, soonest first.",
        discussion: """
            Read from the deadline index, not a scan of every case. A missed statutory deadline stays
            listed, marked MISSED, until someone records what was decided (record_deadline_decision).
            A force's own schedule (a plugin clock with no decided_by, such as Humberside's visits)
            asks no decision: once tick has recorded the miss it leaves this list and is counted by
            safeguard report.

            Example:  safeguard due --within 48h --force essex
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The time to judge from (default: now), ISO 8601 with an offset.", valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("Only deadlines due within this long of --at (48h, 7d, 90m); missed ones always show.", valueName: "duration"))
    var within: String?

    @Option(help: "Only cases of this force.")
    var force: String?

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let now = try TimeOption.parse(at, flag: "--at", now: try global.configuration().clock)
            let horizon = try within.map { text throws(WorkflowError) in
                now.addingTimeInterval(TimeInterval(try DurationOption.seconds(text, flag: "--within")))
            }
            let document = try Casework(try global.configuration(), access: .readOnly).due(at: now, horizon: horizon, force: force)
            if global.json {
                print(DocumentEncoder.json(document))
                return
            }
            let deadlines = document.deadlines
            if deadlines.isEmpty { print("nothing due") }
            for (index, deadline) in deadlines.enumerated() {
                let seconds = Int(deadline.due.timeIntervalSince(now))
                let when: String
                switch DueDocument.status(deadline, now: now) {
                case "missed": when = "MISSED, needs a decision"
                case "overdue": when = "OVERDUE by \(DurationOption.describe(seconds: seconds)) (run safeguard tick)"
                default: when = "in \(DurationOption.describe(seconds: seconds))"
                }
                let note = document.notes[index].map { " [\($0)]" } ?? ""
                print("\(Instant.format(deadline.due))  \(deadline.caseID)  \(deadline.clock)  \(deadline.force)  \(when)\(note)")
            }
        }
    }
}

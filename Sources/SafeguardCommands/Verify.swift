import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard verify`: proves the record unaltered, or names what was altered.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the event log's hash chain and replay every case from its events, comparing with its stored snapshot.",
        discussion: "Reports each mismatch by case and event: an event edited, deleted or reordered behind the engine's back, a snapshot that its events do not produce. Exits 5 when it finds any.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("case"), help: "Only this case.")
    var caseID: String?

    func run() throws {
        var broken = false
        try reporting(json: global.json) { () throws(WorkflowError) in
            let (events, caseCount, problems) = try Casework(try global.configuration(), access: .readOnly).verify(caseID: caseID)
            if global.json {
                print(Rendering.json(.object([
                    "events": .integer(events), "cases": .integer(caseCount), "intact": .bool(problems.isEmpty),
                    "problems": .array(problems.map(Value.string)),
                ])))
            } else {
                for problem in problems { print(problem) }
                print(problems.isEmpty
                    ? "verified \(events) events in \(caseCount) case\(caseCount == 1 ? "" : "s"): the chain is intact and every case replays to its snapshot"
                    : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(events) events and \(caseCount) case\(caseCount == 1 ? "" : "s")")
            }
            broken = !problems.isEmpty
        }
        if broken { throw ExitCode(ExitStatus.storageError) }
    }
}

import ArgumentParser
import Foundation
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
        try reporting { () throws(WorkflowError) in
            let casework = try Casework(global)
            let (events, chainProblems) = try casework.store.verifyChain(caseID: caseID)
            var cases: [String] = []
            if let caseID {
                cases = [try casework.snapshot(caseID).id]
            } else {
                cases = try casework.store.list(state: nil, force: nil).map(\.id)
            }
            var problems = chainProblems
            for id in cases { problems += try casework.replay(id) }
            if global.json {
                print(Rendering.json(.object([
                    "events": .integer(events), "cases": .integer(cases.count), "intact": .bool(problems.isEmpty),
                    "problems": .array(problems.map(Value.string)),
                ])))
            } else {
                for problem in problems { print(problem) }
                print(problems.isEmpty
                    ? "verified \(events) events in \(cases.count) case\(cases.count == 1 ? "" : "s"): the chain is intact and every case replays to its snapshot"
                    : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(events) events and \(cases.count) case\(cases.count == 1 ? "" : "s")")
            }
            broken = !problems.isEmpty
        }
        if broken { throw ExitCode(ExitStatus.storageError) }
    }
}

import ArgumentParser
import Foundation
import WorkflowCore

/// `safeguard recompute`: moves pending deadlines onto an updated bank-holiday table.
struct Recompute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute pending statutory deadlines after the bank-holiday table changed, and report what moved.",
        discussion: "Each case whose deadlines move gets one recompute_deadlines event, by the engine's clock, listing the old and new times. With --dry-run nothing is recorded.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("dry-run"), help: "Report what would move, and record nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("When the recomputation is recorded (default: now), ISO 8601 with an offset.", valueName: "time"))
    var at: String?

    @Option(help: "Only cases of this force.")
    var force: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let now = try TimeOption.parse(at, flag: "--at")
            let casework = try Casework(global)
            var reports: [Value] = []
            var moved = 0
            for caseID in Set(try casework.store.openDeadlines(dueBefore: nil, orMissed: false, force: force).map(\.caseID)).sorted() {
                let snapshot = try casework.snapshot(caseID)
                // The case's own procedure, with the bank-holiday table as it is now.
                let pinned = try casework.engine(for: snapshot)
                let engine = TransitionEngine(
                    workflow: pinned.workflow, procedure: pinned.procedure,
                    calendar: try casework.procedure(force: snapshot.force).procedure.calendar)
                let changes = try engine.deadlineChanges(snapshot)
                guard !changes.isEmpty else { continue }
                if !dryRun {
                    _ = try casework.store.record(caseID: caseID, eventID: nil) { current throws(WorkflowError) in
                        guard let current, let transition = try engine.recompute(current, at: now) else {
                            throw .conflict("case \(caseID) changed while its deadlines were recomputed; expected to run recompute again")
                        }
                        return transition
                    }
                }
                moved += changes.count
                for change in changes {
                    reports.append(.object([
                        "case": .string(caseID), "clock": .string(change.clock), "old_due": Rendering.instant(change.oldDue),
                        "new_due": Rendering.instant(change.newDue), "old_table_version": change.oldTableVersion.map(Value.string) ?? .null,
                        "new_table_version": .string(change.newTableVersion),
                    ]))
                    if !global.json {
                        print("\(caseID)  \(change.clock)  \(Instant.format(change.oldDue)) → \(Instant.format(change.newDue))  (table \(change.oldTableVersion ?? "none") → \(change.newTableVersion))")
                    }
                }
            }
            if global.json {
                print(Rendering.json(.object(["dry_run": .bool(dryRun), "moved": .integer(moved), "changes": .array(reports)])))
            } else {
                print("\(moved) deadline\(moved == 1 ? "" : "s") \(dryRun ? "would move" : "moved")")
            }
        }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard recompute`: moves pending deadlines onto an updated bank-holiday table.
struct Recompute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recompute",
        abstract: "Recompute pending statutory deadlines after the bank-holiday table changed, and report what moved.",
        discussion:
            "Each case whose deadlines move gets one recompute_deadlines event, by the engine's clock, listing the old and new times. With --dry-run nothing is recorded."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("dry-run"), help: "Report what would move, and record nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("When the recomputation is recorded (default: now), ISO 8601 with an offset.", valueName: "time"))
    var at: String?

    @Option(help: "Only cases of this force.")
    var force: String?

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let now = try TimeOption.parse(at, flag: "--at", now: try global.configuration().clock)
            let cases = try Casework(try global.configuration()).recompute(force: force, dryRun: dryRun, at: now)
            var reports: [Value] = []
            var moved = 0
            for (caseID, changes) in cases {
                moved += changes.count
                for change in changes {
                    reports.append(
                        .object([
                            "case": .string(caseID), "clock": .string(change.clock), "old_due": Rendering.instant(change.oldDue),
                            "new_due": Rendering.instant(change.newDue), "old_table_version": change.oldTableVersion.map(Value.string) ?? .null,
                            "new_table_version": .string(change.newTableVersion),
                        ]))
                    if !global.json {
                        print(
                            "\(caseID)  \(change.clock)  \(Instant.format(change.oldDue)) → \(Instant.format(change.newDue))  (table \(change.oldTableVersion ?? "none") → \(change.newTableVersion))"
                        )
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

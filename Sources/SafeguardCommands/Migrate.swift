import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard migrate`: moves cases onto the current procedure, deliberately and on the record.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move cases onto the current procedure, first showing what would change for each.",
        discussion: """
            A case keeps the exact procedure it was opened under (a hash over every contributing script, whose sources are stored in the database), so editing scripts changes new cases only. This moves open cases to the scripts as they are now: it shows whether each case's state still exists and which deadlines move, and records a migrate_procedure event with the reason. Cases in a final state are left as they are.

            It first prints what differs between the case's procedure and the current one (states, events, guards, clocks and policies added, removed or changed, each with its file:line). A case whose state the current procedure no longer has is refused unless --map names the state it moves to: --map is only for states the current procedure lacks, and never into a final state (migrate to a state that is not final, then fire close). A move into a state the statute guards needs the event that enters it in force (notice_served a serve_notice, order_in_force a grant_order), and never goes behind a statutory step in force (a served case is not mapped back to incident).

            Every argument is checked before anything is recorded: --at may be no more than the future-time tolerance ahead of the clock (SAFEGUARD_FUTURE_MINUTES, as for fire and tick) and not before a case's latest event; --reason may not be empty (exit 2). A case not migrated is reported on standard error (under --json as an error object), and the run goes on; the exit code at the end is the most serious case's: 1 refused, 3 when its force's scripts fail to load (with --all, the other forces' cases are still migrated, as are the other workflows' cases when the scripts lack a case's workflow). Under --all each case is checked against the --map entry for its own state; a --map target no workflow's current procedure has is bad input.

            Examples:
              safeguard migrate --all --dry-run --reason "Essex order lengths policy 2026-12" --actor ADM1
              safeguard migrate --case E1 --map legal_review=notice_served --reason "review step retired" --actor ADM1
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("case"), help: "The case to migrate.")
    var caseID: String?

    @Flag(help: "Migrate every open case whose procedure is not current.")
    var all = false

    @Flag(name: .customLong("dry-run"), help: "Show what would change, and record nothing.")
    var dryRun = false

    @Option(help: "Why: recorded in each case's history (not empty).")
    var reason: String

    @Option(help: ArgumentHelp("Who migrates: an administrator's id.", valueName: "id"))
    var actor: String = "administrator"

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp("A state the current procedure no longer has, and the state, not a final one, it moves to (repeatable).", valueName: "old=new"))
    var maps: [String] = []

    @Option(help: ArgumentHelp("When (default: now), ISO 8601 with an offset; not ahead of the clock, not before the case's latest event.", valueName: "time"))
    var at: String?

    func validate() throws {
        guard (caseID != nil) != all else { throw ValidationError("Give either --case C or --all.") }
        _ = try stateMap()
    }

    /// `--map old=new`, each old state once.
    func stateMap() throws -> [String: String] {
        var result: [String: String] = [:]
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map \"\(map)\" is not old_state=new_state, once per old state.")
            }
            if let earlier = result[parts[0]] {
                throw ValidationError(
                    "--map gives state \(parts[0]) twice (\(parts[0])=\(earlier), \(map)); expected each old state once.")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    func run() throws {
        var worst: Int32 = 0
        let stateMap = try stateMap()
        try reporting(json: global.json) { () throws(WorkflowError) in
            let now = try at.map { text throws(WorkflowError) in try TimeOption.parse(text, flag: "--at", now: try global.configuration().clock) }
            let casework = try Casework(try global.configuration())
            let reports = try casework.migrate(
                caseID: caseID, dryRun: dryRun, reason: reason, actor: actor, at: now, stateMap: stateMap)
            if !dryRun, reports.contains(where: \.migrated) { ClaimedIdentities.warnIfClaimed(casework, json: global.json) }
            var documents: [Value] = []
            for report in reports {
                let snapshot = report.snapshot
                var document: [String: Value] = [
                    "case": .string(snapshot.id), "from": .string(snapshot.procedure), "to": .string(report.to),
                    "changes": .array(report.changes.map(Value.string)),
                ]
                if !global.json {
                    for change in report.changes { print("\(snapshot.id)  \(change)") }
                }
                if let refusal = report.refusal {
                    // Each case not migrated is reported on standard error, as every command
                    // reports a failure; the exit code is the most serious one's, at the end.
                    worst = max(worst, Failure.note(refusal, about: "case \(snapshot.id) not migrated", json: global.json))
                    document["refused"] = .string(refusal.message)
                    document["kind"] = .string(refusal.kind.rawValue)
                } else {
                    document["deadlines"] = .array(
                        report.moves.map { move in
                            .object(["clock": .string(move.clock), "old_due": Rendering.instant(move.oldDue), "new_due": Rendering.instant(move.newDue)])
                        })
                    document["migrated"] = .bool(report.migrated)
                    document["state"] = .string(report.state)
                    if !global.json {
                        let state = report.state == snapshot.state ? "state \(snapshot.state) exists" : "state \(snapshot.state) → \(report.state)"
                        print("\(snapshot.id)  procedure \(snapshot.procedure.prefix(12)) → \(report.to.prefix(12))  \(state)\(dryRun ? "  (dry run)" : "")")
                        for move in report.moves {
                            let to = move.newDue.map(Instant.format) ?? "stops (the clock is gone)"
                            print("  \(move.clock)  \(Instant.format(move.oldDue)) → \(to)\(move.newDue == move.oldDue ? " (unchanged)" : "")")
                        }
                    }
                }
                documents.append(.object(document))
            }
            if global.json {
                print(Rendering.json(.object(["dry_run": .bool(dryRun), "cases": .array(documents)])))
            } else if reports.isEmpty {
                print("every open case already runs the current procedure")
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

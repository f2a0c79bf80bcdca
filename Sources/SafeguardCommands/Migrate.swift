import ArgumentParser
import Foundation
import WorkflowCore

/// `safeguard migrate`: moves cases onto the current procedure, deliberately and on the record.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move cases onto the current procedure, first showing what would change for each.",
        discussion: """
            A case keeps the exact procedure it was opened under (a hash over every contributing script, whose sources are stored in the database), so editing scripts changes new cases only. This moves open cases to the scripts as they are now: it shows whether each case's state still exists and which deadlines move, and records a migrate_procedure event with the reason. Cases in a final state are left as they are.

            Example:  safeguard migrate --all --dry-run --reason "Essex order lengths policy 2026-12" --actor ADM1
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("case"), help: "The case to migrate.")
    var caseID: String?

    @Flag(help: "Migrate every open case whose procedure is not current.")
    var all = false

    @Flag(name: .customLong("dry-run"), help: "Show what would change, and record nothing.")
    var dryRun = false

    @Option(help: "Why: recorded in each case's history.")
    var reason: String

    @Option(help: ArgumentHelp("Who migrates: an administrator's id.", valueName: "id"))
    var actor: String = "administrator"

    @Option(help: ArgumentHelp("When (default: now), ISO 8601 with an offset.", valueName: "time"))
    var at: String?

    func validate() throws {
        guard (caseID != nil) != all else { throw ValidationError("Give either --case C or --all.") }
        guard !reason.allSatisfy(\.isWhitespace) else { throw ValidationError("--reason must say why.") }
    }

    func run() throws {
        var refusedAny = false
        try reporting { () throws(WorkflowError) in
            let now = try TimeOption.parse(at, flag: "--at")
            let casework = try Casework(global)
            let cases: [CaseSnapshot]
            if let caseID {
                cases = [try casework.snapshot(caseID)]
            } else {
                cases = try casework.store.list(state: nil, force: nil)
            }
            var reports: [Value] = []
            for snapshot in cases {
                let current = try casework.procedure(force: snapshot.force)
                let engine = try current.procedure.engine(for: snapshot.workflow, procedure: current.hash)
                let final = engine.workflow.state(named: snapshot.state)?.isFinal ?? false
                var report: [String: Value] = [
                    "case": .string(snapshot.id), "from": .string(snapshot.procedure), "to": .string(current.hash),
                ]
                if snapshot.procedure == current.hash || (final && caseID == nil) {
                    continue
                }
                do throws(WorkflowError) {
                    let moves = try engine.migration(of: snapshot)
                    report["deadlines"] = .array(moves.map { move in
                        .object(["clock": .string(move.clock), "old_due": Rendering.instant(move.oldDue), "new_due": Rendering.instant(move.newDue)])
                    })
                    if !dryRun {
                        _ = try casework.store.record(caseID: snapshot.id, eventID: nil) { stored throws(WorkflowError) in
                            guard let stored, stored.procedure == snapshot.procedure else {
                                throw .conflict("case \(snapshot.id) changed during the migration; expected to run migrate again")
                            }
                            return try engine.migrate(stored, at: now, actor: Actor(id: actor, role: "administrator"), reason: reason)
                        }
                        try casework.store.storeProcedure(hash: current.hash, sources: current.procedure.sources)
                    }
                    report["migrated"] = .bool(!dryRun)
                    if !global.json {
                        print("\(snapshot.id)  procedure \(snapshot.procedure.prefix(12)) → \(current.hash.prefix(12))  state \(snapshot.state) exists\(dryRun ? "  (dry run)" : "")")
                        for move in moves {
                            let to = move.newDue.map(Instant.format) ?? "stops (the clock is gone)"
                            print("  \(move.clock)  \(Instant.format(move.oldDue)) → \(to)\(move.newDue == move.oldDue ? " (unchanged)" : "")")
                        }
                    }
                } catch {
                    refusedAny = true
                    report["refused"] = .string(error.message)
                    if !global.json { print("\(snapshot.id)  not migrated: \(error.message)") }
                }
                reports.append(.object(report))
            }
            if global.json {
                print(Rendering.json(.object(["dry_run": .bool(dryRun), "cases": .array(reports)])))
            } else if reports.isEmpty {
                print("every open case already runs the current procedure")
            }
        }
        if refusedAny { throw ExitCode(ExitStatus.refused) }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard apply`: transitions in bulk, from JSON Lines.
struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply transitions from JSON Lines (a file, or - for standard input), one a line, in file order.",
        discussion: """
            Each line is {"id":…,"case":…,"workflow":…,"force":…,"event":…,"at":…,"actor":{"id":…,"role":…},"data":{…}}; "workflow" and "force" are needed only on the line that opens a case, and "id" makes a line idempotent: a line whose id is already recorded is skipped, so a crashed run can be run again. Each line stands or falls alone; lines are committed in batches. Refused and malformed lines are reported on standard error with their line number and reason, and a closing summary counts applied, skipped, refused and malformed lines. A line dated more than SAFEGUARD_FUTURE_MINUTES (default 5) minutes after the clock is malformed, as fire refuses it; --now checks against another time. Exits 0 when every line was applied or skipped, 1 when any was refused or malformed.

            Where the store keeps a staff register, each line's actor must be the holder of the token the run is given, unless that holder is an administrator of the case's force submitting a force system's batch; either way the actor must hold the line's role on the force's register at the line's time. A line refused for who submitted it leaves its event id free.

            Example:  safeguard apply transitions.jsonl --batch-size 1000

            History from an older system, its actors kept as written (an administrator's token):
              safeguard apply legacy.jsonl --import-as LEGACY --reason "Niche RMS cases 2019-2025, migration ticket 4411"
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON Lines file, or - for standard input.")
    var file: String

    @Option(
        name: .customLong("import-as"),
        help: ArgumentHelp(
            "History from an older system: keep each line's actor as written and record every event as imported under this name (needs an administrator's token; writes only new cases of the administrator's force, at times not after the import).",
            valueName: "name"))
    var importAs: String?

    @Option(help: "Why the history is imported: required with --import-as, recorded once with the import in the staff register's log and shown with each imported event by 'safeguard history'.")
    var reason: String?

    @Option(name: .customLong("batch-size"), help: "Lines committed to the database in one transaction.")
    var batchSize = 500

    @Option(
        help: ArgumentHelp(
            "The time lines are checked against instead of the system clock: a line dated more than SAFEGUARD_FUTURE_MINUTES (default 5) minutes after it is malformed. For data generated ahead of today (safeguard generate).",
            valueName: "time"))
    var now: String?

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be 1 or more.") }
        if reason != nil, importAs == nil { throw ValidationError("--reason is recorded only with --import-as; a run of the register's own staff needs none.") }
    }

    func run() throws {
        var incomplete = false
        try reporting(json: global.json) { () throws(WorkflowError) in
            let handle: FileHandle
            if file == "-" {
                handle = .standardInput
            } else {
                guard let opened = FileHandle(forReadingAtPath: file) else {
                    throw .badInput("cannot read \(file); expected a JSON Lines file, or - for standard input")
                }
                handle = opened
            }
            let reference = try TimeOption.optional(now, "--now")
            var reader = LineReader(handle: handle)
            let casework = try Casework(try global.configuration(), checkIntegrity: true)
            let terminal = isatty(STDERR_FILENO) == 1
            let summary = try casework.apply(
                &reader, batchSize: batchSize, importAs: importAs, reason: reason, now: reference,
                problem: { line, kind, message in
                    FileHandle.standardError.write(Data("\(terminal ? "\r\u{1B}[K" : "")line \(line): \(kind): \(OneLine.escaped(message))\n".utf8))
                },
                progress: { lines in
                    if terminal { FileHandle.standardError.write(Data("\r\(lines) lines read…".utf8)) }
                })
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "lines": .integer(summary.lines), "applied": .integer(summary.applied), "skipped": .integer(summary.skipped),
                            "refused": .integer(summary.refused), "malformed": .integer(summary.malformed),
                            "problems": .array(
                                summary.problems.map { .object(["line": .integer($0.line), "kind": .string($0.kind), "message": .string($0.message)]) }),
                        ])))
            } else {
                print(
                    "applied \(summary.applied), skipped \(summary.skipped), refused \(summary.refused), malformed \(summary.malformed) (\(summary.lines) lines)"
                )
            }
            incomplete = summary.refused + summary.malformed > 0
            if summary.applied > 0 { ClaimedIdentities.warnIfClaimed(casework, json: global.json) }
        }
        if incomplete { throw ExitCode(1) }
    }
}

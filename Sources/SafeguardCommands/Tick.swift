import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard tick`: fires what the clocks make due, as the engine's clock.
struct Tick: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Fire what the clocks make due: expire orders at their end, record missed hearing and production deadlines.",
        discussion: """
            Each transition is recorded with the engine's clock as actor, at the deadline's own time. A missed statutory deadline stays on 'safeguard due' and 'safeguard show' until someone records what was decided (record_deadline_decision); a missed force schedule (a clock with no decided_by, such as Humberside's visits) is recorded and counted and leaves 'due'. Running tick twice at the same time changes nothing.

            A case whose clock cannot be fired (a hook's script error, a refusal, a case that cannot be read) is named on stderr with its error; tick goes on with the other cases and exits with the first failure's code (1 refused, 3 script error, 4 storage conflict, 5 storage error). With --json, "failures" lists each failed case, clock, kind and message.

            --at may be in the past (a tick that did not run) but not ahead of the real clock by more than SAFEGUARD_FUTURE_MINUTES (default 5, at most 60): that is refused, for everybody, with nothing changed, since an order expired or a deadline recorded missed early cannot be taken back. To see what a later time brings, use 'safeguard due --at TIME', which changes nothing.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The time to tick to (default: now), ISO 8601 with an offset; not ahead of the clock.", valueName: "time"))
    var at: String?

    @Option(help: "Only cases of this force.")
    var force: String?

    func run() throws {
        var failedKind: WorkflowError.Kind?
        try reporting(json: global.json) { () throws(WorkflowError) in
            let now = try TimeOption.parse(at, flag: "--at", now: try global.configuration().clock)
            let results = try Casework(try global.configuration()).tick(at: now, force: force)
            var fired = 0
            var skipped = 0
            var failures: [WorkflowError] = []
            var failed: [Value] = []
            var lines: [Value] = []
            for result in results {
                switch result.outcome {
                case .success(.recorded(let event, _)):
                    fired += 1
                    lines.append(Rendering.eventValue(event))
                    if !global.json {
                        print(Rendering.transitionLine(event) + "  [\(result.deadline.clock) due \(Instant.format(result.deadline.due))]")
                        // A force's action left out of a statutory event says so where the event is shown.
                        for case .string(let warning) in event.data[TransitionEngine.warningsKey]?.arrayValue ?? [] {
                            print("  warning: \(warning)")
                        }
                    }
                case .success(.alreadyRecorded):
                    continue
                case .failure where result.skipped != nil:
                    skipped += 1
                    if !global.json { print("skipped case \(result.deadline.caseID), clock \(result.deadline.clock): \(result.skipped!)") }
                case .failure(let error):
                    failures.append(error)
                    failed.append(
                        .object([
                            "case": .string(result.deadline.caseID), "clock": .string(result.deadline.clock), "kind": .string(error.kind.rawValue),
                            "message": .string(error.message),
                        ]))
                    FileHandle.standardError.write(
                        Data(
                            "safeguard: \(error.kind.rawValue): case \(result.deadline.caseID), clock \(result.deadline.clock): \(OneLine.escaped(error.message))\n"
                                .utf8))
                }
            }
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "at": Rendering.instant(now), "fired": .integer(fired), "skipped": .integer(skipped), "failed": .integer(failures.count),
                            "events": .array(lines), "failures": .array(failed),
                        ])))
            } else {
                print("tick at \(Instant.format(now)): \(fired) fired, \(failures.count) failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))
            }
            failedKind = failures.first?.kind
        }
        if let failedKind { throw ExitCode(ExitStatus.code(for: failedKind)) }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard check`: every problem in a scripts folder, compiler-style.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check the scripts: syntax, unknown states, events and roles, unreachable states, states with no way out, clocks, policies, plugin conflicts and the statutory floor.",
        discussion:
            "Loads the national procedure and every force's, and prints each problem once as path:line: error|warning: message (colour only on a terminal). Exits 3 when there are errors.\n\nExample:  safeguard check --scripts ./my-scripts"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var failed = false
        try reporting(json: global.json) { () throws(WorkflowError) in
            let findings = try ScriptsReview.check(try global.configuration())
            let forces = findings.forces
            let colour = isatty(STDOUT_FILENO) == 1 && !global.json
            func line(_ error: WorkflowError, _ severity: String) -> (Value, String) {
                let tint = severity == "error" ? "\u{1B}[31m" : "\u{1B}[33m"
                let label = colour ? "\(tint)\(severity)\u{1B}[0m" : severity
                let text = error.location.map { "\($0): \(label): \(error.reason)" } ?? "safeguard: \(label): \(error.reason)"
                let json: Value = .object([
                    "severity": .string(severity), "source": error.location.map { .string($0.description) } ?? .null,
                    "message": .string(error.reason),
                ])
                return (json, text)
            }
            let reported = findings.errors.map { line($0, "error") } + findings.warnings.map { line($0, "warning") }
            let scope = "the national procedure and \(forces.count) force\(forces.count == 1 ? "" : "s") (\(forces.joined(separator: ", ")))"
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "errors": .integer(findings.errors.count), "warnings": .integer(findings.warnings.count),
                            "forces": .array(forces.map(Value.string)), "problems": .array(reported.map(\.0)),
                        ])))
            } else {
                for (_, text) in reported { print(text) }
                let counts =
                    "\(findings.errors.count) error\(findings.errors.count == 1 ? "" : "s"), \(findings.warnings.count) warning\(findings.warnings.count == 1 ? "" : "s")"
                print(reported.isEmpty ? "no problems in \(scope)" : "\(counts) in \(scope)")
            }
            failed = !findings.errors.isEmpty
        }
        if failed { throw ExitCode(ExitStatus.scriptError) }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard generate`: realistic cases as JSON Lines, for benchmarks and trials (hidden from help).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a force's cases as JSON Lines for 'safeguard apply', at a given scale and seed.",
        shouldDisplay: false)

    @Option(help: "How many cases.")
    var cases = 100

    @Option(help: "The seed: the same seed writes the same lines.")
    var seed: UInt64 = 1

    @Option(help: "The force the cases belong to (one whose procedure is the national one).")
    var force = "thames_valley"

    @Option(help: ArgumentHelp("The first day incidents may fall on (YYYY-MM-DD); they spread over a year.", valueName: "date"))
    var start = "2026-01-01"

    func run() throws {
        try reporting { () throws(WorkflowError) in
            guard let day = LocalDate(iso: start) else { throw .badInput("--start \(start) is not a date; expected YYYY-MM-DD") }
            let generator = CaseGenerator(cases: cases, seed: seed, force: force, start: London.startOfDay(day))
            var output = ""
            for line in generator.lines() {
                output += line
                output += "\n"
                if output.utf8.count > 1 << 20 {
                    FileHandle.standardOutput.write(Data(output.utf8))
                    output = ""
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}

import Foundation
import Testing

/// The README's examples run as printed: the tour as a shell script against a fresh database, and
/// each `$ safeguard …` example of the clocks section with the output the README shows.
@Suite("Golden runs: the README's examples")
struct ReadmeGoldenTests {
    static let readme = (try? String(contentsOf: Cli.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The first ```sh block after `heading`.
    static func block(after heading: String) -> String? {
        guard let start = readme.range(of: heading),
            let open = readme.range(of: "```sh\n", range: start.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else { return nil }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test func theTourRunsAsPrinted() throws {
        let cli = Cli()
        let tour = try #require(Self.block(after: "## A short tour"))
        #expect(tour.contains("safeguard=.build/debug/safeguard"))
        let script = "set -e\n" + tour.replacingOccurrences(of: "safeguard=.build/debug/safeguard", with: "safeguard='\(Cli.executable.path)'")
        let file = cli.folder.appendingPathComponent("tour.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [file.path]
        process.currentDirectoryURL = cli.folder
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(try cli.run(["show", "C1", "--db", cli.folder.appendingPathComponent("cases.sqlite").path]).stdout.contains("notice_served"))
    }

    @Test func theClockExamplesPrintWhatTheReadmeShows() throws {
        let cli = Cli()
        let block = try #require(Self.block(after: "### Statutory clocks"))
        var examples: [(command: String, output: [String])] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ safeguard ") {
                let command = line.dropFirst(2).components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
                examples.append((command, []))
            } else if !examples.isEmpty, !line.isEmpty {
                examples[examples.count - 1].output.append(String(line))
            }
        }
        #expect(examples.count >= 4)
        for example in examples {
            let run = try cli.run(Array(Cli.words(example.command).dropFirst()))
            #expect(run.status == 0, "\(example.command): \(run.stderr)")
            if !example.output.isEmpty {
                #expect(run.stdout == example.output.joined(separator: "\n") + "\n", "\(example.command)")
            }
        }
    }
}

import Foundation
import GRDB
import Testing

/// Crashes and concurrency, bounded in time: nothing is lost, nothing is applied twice.
@Suite("Reliability: killed runs, concurrent writers", .serialized)
struct ReliabilityTests {
    /// A generated force's lines in a file: `cases` cases from `seed`.
    func generated(_ cli: Cli, cases: Int, seed: Int, name: String) throws -> (URL, Int) {
        let run = try cli.run(["generate", "--cases", String(cases), "--seed", String(seed)])
        let file = cli.folder.appendingPathComponent(name)
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        return (file, run.stdout.split(separator: "\n").count)
    }

    func start(_ cli: Cli, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Cli.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SAFEGUARD_DB"] = cli.database
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func eventCount(_ cli: Cli) throws -> Int {
        try DatabaseQueue(path: cli.database).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }

    @Test func applyKilledAtRandomPointsLosesNothingAndAppliesNothingTwice() throws {
        let cli = Cli()
        let (file, _) = try generated(cli, cases: 150, seed: 11, name: "lines.jsonl")
        // The answer: the same lines applied once, undisturbed, into another database.
        let reference = Cli()
        try reference.run(["apply", file.path, "--now", "2030-01-01T00:00:00Z"])
        let expected = try eventCount(reference)
        #expect(expected > 900)

        var random = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let process = try start(cli, ["apply", file.path, "--batch-size", "50", "--now", "2030-01-01T00:00:00Z"])
            usleep(UInt32.random(in: 30_000...600_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let integrity = try DatabaseQueue(path: cli.database).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
        }
        let finish = try cli.run(["apply", file.path, "--now", "2030-01-01T00:00:00Z"])
        #expect(finish.stdout.hasPrefix("applied "))
        #expect(try eventCount(cli) == expected)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func twoProcessesFiringOnOneCaseNeverLoseAnUpdate() throws {
        let cli = Cli()
        let setup = [
            "open --force durham --id V1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used",
            "fire V1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
            "fire V1 serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
            "fire V1 apply_for_order --at 2026-06-02T10:00:00+01:00 --actor PC1 --role constable --data court=C --data listed_for=2026-06-03T10:00:00+01:00",
            "fire V1 grant_order --at 2026-06-03T11:00:00+01:00 --actor PC1 --role constable --data days=28",
        ]
        for step in setup { #expect(try cli.run(step).status == 0) }
        var processes: [Process] = []
        for writer in 0..<2 {
            for n in 0..<6 {
                processes.append(
                    try start(
                        cli,
                        [
                            "fire", "V1", "record_visit", "--at", "2026-06-10T10:00:00+01:00", "--actor", "PC\(writer)", "--role", "constable",
                            "--data", "outcome=visit \(writer)-\(n)", "--id", "visit-\(writer)-\(n)",
                        ]))
            }
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let history = try cli.run("history V1 --json").stdout
        let events = (try JSONSerialization.jsonObject(with: Data(history.utf8)) as! [String: Any])["events"] as! [[String: Any]]
        #expect(events.count == 5 + 12)
        #expect(events.map { $0["sequence"] as! Int } == Array(1...17))
        #expect(try cli.run("show V1 --json").stdout.contains("\"visits\":12"))
    }

    @Test func processesApplyingDisjointCasesAtOnceAllApply() throws {
        let cli = Cli()
        var files: [URL] = []
        var total = 0
        for seed in 21...23 {
            let (file, _) = try generated(cli, cases: 40, seed: seed, name: "part\(seed).jsonl")
            files.append(file)
            let reference = Cli()
            try reference.run(["apply", file.path, "--now", "2030-01-01T00:00:00Z"])
            total += try eventCount(reference)
        }
        // A generous busy timeout: the machine may be loaded; this is about what is recorded, not how fast.
        let processes = try files.map { try start(cli, ["apply", $0.path, "--batch-size", "20", "--busy-timeout", "120", "--now", "2030-01-01T00:00:00Z"]) }
        for process in processes { process.waitUntilExit() }
        // 0, or 1 for the lines the workflow refuses (as in the references); never a storage failure
        #expect(processes.allSatisfy { $0.terminationStatus <= 1 }, "\(processes.map(\.terminationStatus))")
        let count = try eventCount(cli)
        #expect(count == total, "\(count) events; the references hold \(total)")
        #expect(try cli.run("verify").status == 0)
    }
}

import Foundation
import Testing

/// Several `safeguard` processes on one PostgreSQL database (`SAFEGUARD_TEST_POSTGRES`, started by
/// scripts/test; under CI its absence fails `PostgresServerTests`): no update lost, the chain
/// unbroken, each due clock fired once; and `copy` between SQLite and PostgreSQL with equal heads.
@Suite("PostgreSQL: many processes, one store", .serialized, .enabled(if: TestServer.postgres != nil))
struct PostgresProcessTests {

    /// A fresh database on the test server, made with psql, and a Cli pointed at it.
    func postgresCli() throws -> (Cli, String) {
        let server = try #require(TestServer.postgres)
        let name = "sg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        psql.arguments = [server, "-q", "-c", "CREATE DATABASE \(name)"]
        try psql.run()
        psql.waitUntilExit()
        #expect(psql.terminationStatus == 0)
        let url = server.replacingOccurrences(of: #"/[^/]*$"#, with: "/" + name, options: .regularExpression)
        var cli = Cli()
        cli.environment["SAFEGUARD_DB"] = url
        return (cli, url)
    }

    func start(_ cli: Cli, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Cli.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(cli.environment) { _, new in new }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func json(_ run: Cli.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static let grantedOrder = [
        "open --force durham --id V1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used",
        "fire V1 authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
        "fire V1 serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
        "fire V1 apply_for_order --at 2026-06-02T10:00:00+01:00 --actor PC1 --role constable --data court=C --data listed_for=2026-06-03T10:00:00+01:00",
        "fire V1 grant_order --at 2026-06-03T11:00:00+01:00 --actor PC1 --role constable --data days=28",
    ]

    @Test func twelveProcessesFiringOnOneCaseNeverLoseAnUpdate() throws {
        let (cli, _) = try postgresCli()
        for step in Self.grantedOrder { #expect(try cli.run(step).status == 0) }
        var processes: [Process] = []
        for writer in 0..<3 {
            for n in 0..<4 {
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
        let events = try json(try cli.run("history V1 --json"))["events"] as? [[String: Any]] ?? []
        #expect(events.map { $0["sequence"] as? Int } == Array(1...17))
        #expect(try cli.run("show V1 --json").stdout.contains("\"visits\":12"))
        let verify = try cli.run("verify --json")
        #expect(verify.status == 0)
        #expect(try json(verify)["events"] as? Int == 17)
    }

    @Test func processesApplyingDisjointCasesAtOnceAllApply() throws {
        let (cli, _) = try postgresCli()
        var files: [URL] = []
        var total = 0
        var statuses: [Int32] = []
        for seed in 31...33 {
            let lines = try cli.run(["generate", "--cases", "30", "--seed", String(seed)]).stdout
            let file = cli.folder.appendingPathComponent("part\(seed).jsonl")
            try lines.write(to: file, atomically: true, encoding: .utf8)
            files.append(file)
            // The answer: the same lines alone in an SQLite file.
            let reference = Cli()
            statuses.append(try reference.run(["apply", file.path, "--now", "2030-01-01T00:00:00Z"]).status)
            total += try json(try reference.run("verify --json"))["events"] as? Int ?? -1
        }
        let processes = try files.map { try start(cli, ["apply", $0.path, "--batch-size", "10", "--now", "2030-01-01T00:00:00Z"]) }
        for process in processes { process.waitUntilExit() }
        // Each process ends as its lines did alone (a generated line the rules refuse exits 1)
        #expect(processes.map(\.terminationStatus) == statuses)
        let verify = try cli.run("verify --json")
        #expect(verify.status == 0)
        #expect(try json(verify)["events"] as? Int == total)
    }

    @Test func aProcessWithoutTheKeyFileWritesNothingToAKeyedDatabase() throws {
        // Given a database keyed by its first writer's key file
        let (cli, _) = try postgresCli()
        let keyFile = cli.folder.appendingPathComponent("record.key").path
        var keyed = cli
        keyed.environment["SAFEGUARD_KEY_FILE"] = keyFile
        #expect(try keyed.run(Self.grantedOrder[0]).status == 0)
        // When a process is run without it, Then it is refused with one line, exit 2
        let refused = try cli.run(Self.grantedOrder[1])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("this PostgreSQL record is keyed (key "))
        #expect(refused.stderr.contains("expected --key-file (or SAFEGUARD_KEY_FILE) naming the key file every process writing this database uses"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        // And nothing was written; reading without the key still works, and verify with it passes
        #expect(try cli.run("show V1 --json").stdout.contains("\"version\":1"))
        #expect(try keyed.run("verify").status == 0)
        let unkeyedVerify = try cli.run("verify")
        #expect(
            (unkeyedVerify.stdout + unkeyedVerify.stderr).contains(
                "expected --key-file (or SAFEGUARD_KEY_FILE) naming the key file the processes writing this PostgreSQL database use"))
        #expect(try keyed.run(Self.grantedOrder[1]).status == 0)
    }

    @Test func tickInEveryProcessAtOnceFiresEachDueClockOnce() throws {
        let (cli, _) = try postgresCli()
        for step in Self.grantedOrder { #expect(try cli.run(step).status == 0) }
        let processes = try (0..<4).map { _ in try start(cli, ["tick", "--at", "2026-07-02T00:00:00+01:00"]) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let events = try json(try cli.run("history V1 --json"))["events"] as? [[String: Any]] ?? []
        #expect(events.filter { $0["event"] as? String == "expire_order" }.count == 1)
        #expect(try cli.run("show V1 --json").stdout.contains("\"state\":\"expired\""))
        #expect(try cli.run("verify").status == 0)
    }

    @Test func copyRoundTripsBetweenSQLiteAndPostgreSQLWithEqualHeads() throws {
        // Given a force's SQLite file with generated cases
        let source = Cli()
        let lines = try source.run(["generate", "--cases", "25", "--seed", "41"]).stdout
        let file = source.folder.appendingPathComponent("lines.jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        #expect(try source.run(["apply", file.path, "--now", "2030-01-01T00:00:00Z"]).status == 0)
        var (postgres, url) = try postgresCli()
        // The record is keyed (its key file beside the SQLite file); PostgreSQL reads it from --key-file
        postgres.environment["SAFEGUARD_KEY_FILE"] = source.database + ".key"
        let back = Cli()
        // When it is copied into PostgreSQL, and from there into a new SQLite file
        let there = try source.run(["copy", "--from", "sqlite:" + source.database, "--to", url, "--json"])
        let again = try source.run(["copy", "--from", url, "--to", back.database, "--key-file", source.database + ".key", "--json"])
        // Then every event arrives, with the same head on every side, and verify passes on each
        #expect(there.status == 0)
        #expect(again.status == 0)
        let head = try json(there)["head"] as? String
        #expect(head?.count == 64)
        #expect(try json(again)["head"] as? String == head)
        let events = try json(try source.run("verify --json"))["events"] as? Int
        #expect(try json(there)["events"] as? Int == events)
        for cli in [source, postgres, back] {
            let verify = try cli.run("verify --json")
            #expect(verify.status == 0)
            #expect(try json(verify)["events"] as? Int == events)
        }
        #expect(try postgres.run("list --json").stdout == source.run("list --json").stdout)
        // And a second copy into a store that is no longer empty is refused, changing nothing
        let refused = try source.run(["copy", "--from", "sqlite:" + source.database, "--to", url])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--to already holds cases"))
        #expect(try json(try postgres.run("verify --json"))["events"] as? Int == events)
    }

    @Test func copyRefusesASourceThatFailsVerify() throws {
        // Given a PostgreSQL store whose event was edited behind the engine's back
        let (cli, url) = try postgresCli()
        #expect(try cli.run(Self.grantedOrder[0]).status == 0)
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        psql.arguments = [url, "-q", "-c", "DROP TRIGGER event_append_only ON event", "-c", "UPDATE event SET data = '{}'"]
        try psql.run()
        psql.waitUntilExit()
        // When it is copied, Then the copy is refused before anything is written
        let target = Cli()
        let run = try cli.run(["copy", "--from", url, "--to", target.database])
        #expect(run.status == 5)
        // (verify names the dropped trigger first, then the edited event)
        #expect(
            run.stderr.hasPrefix(
                "safeguard: storage error: --from fails verify with 2 problems, the first: the trigger event_append_only is missing; the log was made editable behind the engine's back"
            ))
        // Nothing was copied: the target holds no case (or was never created).
        let listed = try target.run("list")
        #expect(listed.status == 5 || listed.stdout == "no cases\n", "\(listed.stdout)")
    }
}

/// The test server's URL, from scripts/test.
enum TestServer {
    static var postgres: String? { ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 } }
}

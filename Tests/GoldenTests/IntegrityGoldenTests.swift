import Foundation
import GRDB
import Testing

/// The edges the engine adds on top of SQLite: times, ids, ambiguous lines, files, locks.
@Suite("Golden runs: integrity at the edges", .serialized)
struct IntegrityGoldenTests {
    static let opening = LifecycleGoldenTests.opening
    static let range = "expected an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z"

    static func line(_ id: String, _ caseID: String, _ event: String, _ at: String, role: String = "constable", data: String = "{}", opens: Bool = false)
        -> String
    {
        let caseJSON = String(data: try! JSONSerialization.data(withJSONObject: caseID, options: .fragmentsAllowed), encoding: .utf8)!
        return
            #"{"id":"\#(id)","case":\#(caseJSON),\#(opens ? #""workflow":"dvpo","force":"durham","# : "")"event":"\#(event)","at":"\#(at)","actor":{"id":"X1","role":"\#(role)"},"data":\#(data)}"#
    }

    static let incident = #"{"perpetrator_dob":"1980-01-01","relationship":"spouse","violence":"used"}"#
    static let authorise = #"{"grounds":"g","victim_opinion":"v","children_welfare":"c","perpetrator_representations":"none","premises_conditions":false}"#

    func apply(_ cli: Cli, _ lines: [String], _ extra: [String] = []) throws -> Cli.Run {
        let file = cli.folder.appendingPathComponent("lines-\(UUID().uuidString).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return try cli.run(["apply", file.path] + extra)
    }

    @Test func instantsOutsideYearsOneTo9999AreRefusedAndTheDatabaseStaysReadable() throws {
        let cli = Cli()
        let late = try cli.run(Cli.words(Self.opening).map { $0 == "2026-05-23T22:10:00+01:00" ? "9999-12-31T23:59:59-01:00" : $0 })
        #expect(late.status == 2)
        #expect(late.stderr == "safeguard: bad input: time \"9999-12-31T23:59:59-01:00\" for --at is outside the supported range; \(Self.range)\n")
        let run = try apply(
            cli,
            [
                Self.line("A1", "C1", "report_incident", "0001-01-01T00:00:00+01:00", data: Self.incident, opens: true),
                Self.line("A2", "C2", "report_incident", "2026-01-05T22:10:00Z", data: Self.incident, opens: true),
            ])
        #expect(run.stderr == "line 1: malformed: time \"0001-01-01T00:00:00+01:00\" for \"at\" is outside the supported range; \(Self.range)\n" + ClaimsKeysImportsGoldenTests.claimedWarning)
        // An instant field out of range is refused like a malformed one
        let listed = try apply(
            cli,
            [
                Self.line("A3", "C2", "authorise_notice", "2026-01-06T01:00:00Z", role: "superintendent", data: Self.authorise),
                Self.line("A4", "C2", "serve_notice", "2026-01-06T02:00:00Z", data: #"{"address_refused":true}"#),
                Self.line("A5", "C2", "apply_for_order", "2026-01-06T03:00:00Z", data: #"{"court":"K","listed_for":"9999-12-31T23:59:59-01:00"}"#),
            ])
        #expect(listed.stderr.hasPrefix("line 3: malformed: field \"listed_for\" of apply_for_order must be a time"))
        for command in ["list", "verify", "report", "export", "show C2", "history C2"] {
            #expect(try cli.run(command).status == 0, "\(command)")
        }
    }

    @Test func idsHoldNoControlCharactersAndTwoEncodingsOfOneIdAreOneCase() throws {
        let cli = Cli()
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        let run = try apply(
            cli,
            [
                Self.line("N1", "A\u{0}B", "report_incident", "2026-01-05T22:10:00Z", data: Self.incident, opens: true),
                Self.line("U1", composed, "report_incident", "2026-01-05T22:10:00Z", data: Self.incident, opens: true),
                Self.line("U2", decomposed, "report_incident", "2026-01-05T22:11:00Z", data: Self.incident, opens: true),
                Self.line("U3", decomposed, "authorise_notice", "2026-01-06T01:00:00Z", role: "superintendent", data: Self.authorise),
            ])
        #expect(
            run.stderr == """
                line 1: malformed: the case id holds a control character (U+0000); expected printable text
                line 3: malformed: case "café" already exists; expected a new case id

                """ + ClaimsKeysImportsGoldenTests.claimedWarning)
        #expect(try cli.run(["history", composed]).stdout.split(separator: "\n").count == 2)
        #expect(try cli.run(["show", decomposed, "--json"]).stdout.contains("\"state\":\"notice_authorised\""))
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func ambiguousLinesAreRefusedAndAReRunGivesWhatOneCleanRunGave() throws {
        let cli = Cli()
        let first = try apply(
            cli,
            [
                Self.line("E1", "C1", "report_incident", "2026-01-05T22:10:00Z", data: Self.incident, opens: true),
                #"{"id":"E9","case":"C1","case":"C2","event":"close","at":"2026-01-06T09:00:00Z","actor":{"id":"X1","role":"constable"},"data":{"reason":"x"}}"#,
                Self.line("", "C1", "close", "2026-01-06T09:00:00Z", data: #"{"reason":"x"}"#),
                Self.line("E2", "C1", "authorise_notice", "2026-01-06T01:00:00Z", role: "superintendent", data: Self.authorise),
                // Dated after the service below but placed before it: refused in file order
                Self.line("E3", "C1", "apply_for_order", "2026-01-06T03:00:00Z", data: #"{"court":"K","listed_for":"2026-01-07T10:00:00Z"}"#),
                Self.line("E4", "C1", "serve_notice", "2026-01-06T02:00:00Z", data: #"{"address_refused":true}"#),
                Self.line("E2", "C7", "close", "2026-01-06T04:00:00Z", data: #"{"reason":"x"}"#),
            ])
        #expect(first.stdout == "applied 3, skipped 1, refused 1, malformed 2 (7 lines)\n")
        #expect(
            first.stderr == """
                line 2: malformed: the key "case" appears twice; expected each key once
                line 3: malformed: "id" is empty; expected a non-empty event id, or no "id"
                line 5: refused: apply_for_order is not allowed in state notice_authorised; allowed there: serve_notice, correct_record, close
                line 7: warning: id E2 is already recorded for case C1 (authorise_notice); this line's close on case C7 was skipped

                """ + ClaimsKeysImportsGoldenTests.claimedWarning)
        let history = try cli.run("history C1 --json").stdout
        // The same file again: the refused line stays refused, so the case is exactly as it was
        let second = try apply(
            cli,
            [
                Self.line("E1", "C1", "report_incident", "2026-01-05T22:10:00Z", data: Self.incident, opens: true),
                Self.line("E2", "C1", "authorise_notice", "2026-01-06T01:00:00Z", role: "superintendent", data: Self.authorise),
                Self.line("E3", "C1", "apply_for_order", "2026-01-06T03:00:00Z", data: #"{"court":"K","listed_for":"2026-01-07T10:00:00Z"}"#),
                Self.line("E4", "C1", "serve_notice", "2026-01-06T02:00:00Z", data: #"{"address_refused":true}"#),
            ])
        #expect(second.stdout == "applied 0, skipped 3, refused 1, malformed 0 (4 lines)\n")
        #expect(second.stderr.hasPrefix("line 3: refused: event id E3 was refused when first tried: apply_for_order is not allowed in state notice_authorised"))
        #expect(try cli.run("history C1 --json").stdout == history)
    }

    @Test func sixteenProcessesCreatingOneDatabaseAtOnceLoseNoAcknowledgedEvent() throws {
        let cli = Cli()
        var processes: [(Process, Pipe)] = []
        for n in 0..<16 {
            let process = Process()
            process.executableURL = Cli.executable
            process.arguments = Cli.words(Self.opening).map { $0 == "C1" ? "P\(n)" : $0 }
            var environment = ProcessInfo.processInfo.environment
            environment["SAFEGUARD_DB"] = cli.database
            process.environment = environment
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            processes.append((process, err))
        }
        for (process, _) in processes { try process.run() }
        var acknowledged = 0
        for (process, err) in processes {
            _ = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus == 0 { acknowledged += 1 }
        }
        let events = try DatabaseQueue(path: cli.database).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") ?? 0 }
        #expect(acknowledged > 0)
        #expect(events == acknowledged)
        let mode = try FileManager.default.attributesOfItem(atPath: cli.database)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aReadOnlyDatabaseIsReadButNeverMadeWritable() throws {
        let cli = Cli()
        #expect(try cli.run(Self.opening).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: cli.database)
        let show = try cli.run("show C1")
        #expect(show.status == 0, "\(show.stderr)")
        let fire = try cli.run("fire C1 close --at 2026-05-24T09:00:00+01:00 --actor PC1 --role constable --data reason=withdrawn")
        #expect(fire.status == 5)
        #expect(
            fire.stderr
                == "safeguard: storage error: the database at \(cli.database) is read-only; expected write access to record events (commands that only read open it read-only)\n"
        )
        let mode = try FileManager.default.attributesOfItem(atPath: cli.database)[.posixPermissions] as? Int
        #expect(mode == 0o400)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func readersNeverWaitForAWriterAndWritersWaitOnlyTheirBusyTimeout() throws {
        let cli = Cli()
        #expect(try cli.run(Self.opening).status == 0)
        // Another process holds the write lock
        let holder = try DatabaseQueue(path: cli.database)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            for command in ["show C1", "history C1", "list", "due --at 2026-05-24T00:00:00+01:00", "verify"] {
                let run = try cli.run(command)
                #expect(run.status == 0, "\(command): \(run.stderr)")
            }
            let fire = try cli.run("fire C1 close --busy-timeout 0.2 --at 2026-05-24T09:00:00+01:00 --actor PC1 --role constable --data reason=withdrawn")
            #expect(fire.status == 4)
            #expect(fire.stderr.hasPrefix("safeguard: storage conflict: "))
        }
        #expect(try cli.run("fire C1 close --at 2026-05-24T09:00:00+01:00 --actor PC1 --role constable --data reason=withdrawn").status == 0)
    }

    @Test func applyRefusesToWriteIntoADamagedFile() throws {
        let cli = Cli()
        let generated = try cli.run(["generate", "--cases", "60", "--seed", "3"])
        let file = cli.folder.appendingPathComponent("g.jsonl")
        try generated.stdout.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["apply", file.path, "--now", "2030-01-01T00:00:00Z"]).stdout.hasPrefix("applied "))
        try DatabaseQueue(path: cli.database).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        // Scribble over the middle of the file, as a failing disk would
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.database))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        handle.write(Data(repeating: 0xA5, count: 8192))
        try handle.close()
        let damaged = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let run = try cli.run(["apply", file.path])
        // Refused before any write: SQLite's quick check finds the damage (or SQLite cannot open it at all)
        #expect(run.status == 5)
        #expect(
            run.stderr.hasPrefix("safeguard: storage error: the database at \(cli.database) fails SQLite's integrity check (")
                || run.stderr == "safeguard: storage error: could not open the database at \(cli.database): database disk image is malformed\n",
            "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == damaged)
        let wal = (try? FileManager.default.attributesOfItem(atPath: cli.database + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    @Test func errorsNeverEchoWhatWasTypedWhereATimeOrAKeyValueWasExpected() throws {
        let cli = Cli()
        #expect(try cli.run(Self.opening).status == 0)
        let data = try cli.run([
            "fire", "C1", "close", "--at", "2026-05-24T09:00:00+01:00", "--actor", "PC1", "--role", "constable", "--data",
            "victim_opinion wants him kept away from the house",
        ])
        #expect(data.status == 2)
        #expect(!data.stderr.contains("wants him"))
        #expect(
            data.stderr == "safeguard: bad input: malformed --data starting victim_opinion (49 characters, no \"=\"); expected key=value, such as days=28\n")
        let at = try cli.run(["fire", "C1", "close", "--at", "after she rang about him", "--actor", "PC1", "--role", "constable", "--data", "reason=x"])
        #expect(at.status == 2)
        #expect(
            at.stderr
                == "safeguard: bad input: malformed time for --at; expected ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00\n")
    }
}

/// Failures stay one line, and an event id belongs to one event.
@Suite("Golden runs: one line, one id")
struct OneLineGoldenTests {
    @Test func aNewlineOrEscapeInWhatWasTypedStaysOnOneLine() throws {
        let cli = Cli()
        #expect(try cli.run(LifecycleGoldenTests.opening).status == 0)
        let run = try cli.run(["show", "x\ny\u{1B}[31m"])
        #expect(run.status == 2)
        #expect(run.stderr == "safeguard: bad input: unknown case \"x\\u{a}y\\u{1b}[31m\"; expected the id of an existing case (see 'safeguard list')\n")
        let open = try cli.run(Cli.words(LifecycleGoldenTests.opening).map { $0 == "C1" ? "a\u{2028}b" : $0 })
        #expect(open.status == 2)
        #expect(open.stderr == "safeguard: bad input: the case id holds a control character (U+2028); expected printable text\n")
    }

    @Test func anEventIDRecordedForAnotherCaseIsRefusedNotSilentlySkipped() throws {
        let cli = Cli()
        #expect(try cli.run(LifecycleGoldenTests.opening).status == 0)
        #expect(try cli.run(LifecycleGoldenTests.opening.replacingOccurrences(of: "--id C1", with: "--id C2")).status == 0)
        #expect(try cli.run("fire C1 close --at 2026-05-24T09:00:00+01:00 --actor PC1 --role constable --data reason=withdrawn --id X1").status == 0)
        let again = try cli.run("fire C2 close --at 2026-05-24T09:00:00+01:00 --actor PC1 --role constable --data reason=withdrawn --id X1")
        #expect(again.status == 2)
        #expect(
            again.stderr == "safeguard: bad input: event id X1 is already recorded for case C1 (close); expected a new event id for this close on case C2\n")
        #expect(try cli.run("show C2 --json").stdout.contains("\"state\":\"incident\""))
        // The same request again is still idempotent
        #expect(try cli.run("fire C1 close --at 2026-05-24T09:00:00+01:00 --actor PC1 --role constable --data reason=withdrawn --id X1").status == 0)
    }
}

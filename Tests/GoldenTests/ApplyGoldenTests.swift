import Foundation
import Testing

@Suite("Golden runs: safeguard apply")
struct ApplyGoldenTests {
    static let lines = [
        #"{"id":"E1","case":"C1","workflow":"dvpo","force":"durham","event":"report_incident","at":"2026-01-05T22:10:00Z","actor":{"id":"PC1234","role":"constable"},"data":{"perpetrator_dob":"1980-01-01","relationship":"spouse","violence":"used"}}"#,
        #"{"id":"E2","case":"C1","event":"authorise_notice","at":"2026-01-06T01:30:00Z","actor":{"id":"SUP77","role":"inspector"},"data":{}}"#,
        #"{"id":"E3","case":"C1","event":"authorise_notice","at":"2026-01-06T01:30:00Z","actor":{"id":"SUP77","role":"superintendent"},"data":{"grounds":"g","victim_opinion":"v","children_welfare":"c","perpetrator_representations":"none","premises_conditions":false}}"#,
        "this is not json",
        #"{"case":"C1","event":"serve_notice","at":"2026-01-06T09:00:00","actor":{"id":"PC1","role":"constable"}}"#,
        #"{"case":"C1","event":"serve_notice","actor":{"id":"PC1","role":"constable"}}"#,
        "",
        #"{"id":"E4","case":"C1","event":"serve_notice","at":"2026-01-06T09:00:00Z","actor":{"id":"PC1","role":"constable"},"data":{"address_refused":true}}"#,
        #"{"id":"E5","case":"C9","event":"close","at":"2026-01-06T09:00:00Z","actor":{"id":"PC1","role":"constable"},"data":{"reason":"x"}}"#,
        #"{"id":"E6","case":"C1","event":"close","at":"2026-01-07T09:00:00Z","actor":{"id":"PC1","role":"constable"},"data":{"reason":7}}"#,
    ]

    static let expected = #"{"case":…,"event":…,"at":…,"actor":{"id":…,"role":…}} with optional "id", "workflow", "force" and "data""#

    @Test func eachLineStandsOrFallsAloneAndARerunSkipsWhatWasRecorded() throws {
        let cli = Cli()
        let file = cli.folder.appendingPathComponent("in.jsonl")
        try (Self.lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let first = try cli.run(["apply", file.path, "--batch-size", "3"])
        #expect(first.status == 1)
        #expect(first.stdout == "applied 3, skipped 0, refused 1, malformed 5 (9 lines)\n")
        #expect(
            first.stderr == """
                line 2: refused: authorise_notice refused by rule who (\(Cli.authoriseNotice)): needs superintendent or above (Crime and Security Act 2010 s.24(1)); SUP77 holds inspector
                line 4: malformed: not valid JSON (or not UTF-8); expected \(Self.expected)
                line 5: malformed: malformed time "2026-01-06T09:00:00" for "at"; expected ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00
                line 6: malformed: missing "at"; expected \(Self.expected)
                line 9: malformed: unknown case "C9"; expected the id of an existing case (see 'safeguard list')
                line 10: malformed: field "reason" of close must be text; got a whole number

                """ + ClaimsKeysImportsGoldenTests.claimedWarning)
        let again = try cli.run(["apply", file.path, "--json"])
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        #expect(summary["applied"] as? Int == 0)
        #expect(summary["skipped"] as? Int == 3)
        #expect(try cli.run("history C1").stdout.split(separator: "\n").count == 3)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func standardInputWorksToo() throws {
        let cli = Cli()
        let file = cli.folder.appendingPathComponent("in.jsonl")
        try Self.lines[0].write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Cli.executable
        process.arguments = ["apply", "-"]
        var environment = ProcessInfo.processInfo.environment
        environment["SAFEGUARD_DB"] = cli.database
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: file)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "applied 1, skipped 0, refused 0, malformed 0 (1 lines)\n")
    }

    @Test func malformedInputGivesPerLineErrorsNeverACrash() throws {
        let cli = Cli()
        var data = Data()
        let good = Self.lines[0]
        data.append(Data(good.dropLast(20).utf8))  // truncated
        data.append(0x0A)
        data.append(
            Data(#"{"case":"C2","event":"report_incident","at":"2026-01-05T22:10:00Z","actor":{"id":"P"#.utf8) + Data([0xFF, 0xFE])
                + Data(#"","role":"constable"}}"#.utf8))  // invalid UTF-8
        data.append(0x0A)
        data.append(Data(("{\"case\":\"" + String(repeating: "x", count: 1_100_000) + "\"}").utf8))  // over 1 MiB
        data.append(0x0A)
        data.append(Data(#"{"case":5,"event":"report_incident","at":"2026-01-05T22:10:00Z","actor":{"id":"P","role":"constable"}}"#.utf8))  // wrong type
        data.append(0x0A)
        data.append(Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8))  // deep nesting
        data.append(0x0A)
        data.append(Data(good.utf8))
        data.append(0x0A)
        let file = cli.folder.appendingPathComponent("bad.jsonl")
        try data.write(to: file)
        let run = try cli.run(["apply", file.path])
        #expect(run.status == 1)
        #expect(run.stdout == "applied 1, skipped 0, refused 0, malformed 5 (6 lines)\n")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        // five problems, then the warning that the store's identities are claimed
        #expect(lines.count == 6)
        #expect(lines.last.map { $0 + "\n" } == ClaimsKeysImportsGoldenTests.claimedWarning)
        #expect(lines[2] == "line 3: malformed: longer than 1048576 bytes; expected one transition a line")
        #expect(lines[3] == "line 4: malformed: \"case\" has the wrong type; expected \(Self.expected)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("line ") && $0.contains(": malformed: ") })
    }
}

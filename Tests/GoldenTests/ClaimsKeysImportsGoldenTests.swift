import Foundation
import Testing

/// Issue 15's last items, run through the built binary: a tick ahead of the clock, a key rotation
/// recorded in the log, an import's reason, and a store whose identities are claimed.
@Suite("Golden runs: tick ahead, key rotation, import reasons, claimed identities")
struct ClaimsKeysImportsGoldenTests {
    static let open = IdentityGoldenTests.open
    static let claimedWarning =
        "safeguard: warning: this store keeps no staff register, so actors and roles are recorded as claimed, not proven; expected 'safeguard init' to set one up before real casework\n"
    /// The line `verify` prints before its summary for a store without a staff register.
    static let claimedLine = "identities claimed: this store keeps no staff register, so each event's actor and role are as typed, not proven\n"

    func run(_ cli: Cli, as token: String?, _ line: String) throws -> Cli.Run {
        try IdentityGoldenTests().run(cli, as: token, line)
    }

    func keyLines(_ cli: Cli) throws -> [String] {
        try String(contentsOfFile: cli.database + ".key", encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test func aTickAheadOfTheClockIsRefusedForEverybodyAndChangesNothing() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        for token in [nil, tokens["ADM1"]] {
            let ahead = try run(cli, as: token, "tick --at 2099-01-01T00:00:00Z")
            #expect(ahead.status == 2)
            #expect(ahead.stderr.hasPrefix("safeguard: bad input: tick --at 2099-01-01T00:00:00Z is ahead of the clock (now "))
            #expect(
                ahead.stderr.hasSuffix(
                    "expected a time no more than 5 minutes from now (SAFEGUARD_FUTURE_MINUTES), as the engine's clock must not expire orders or record deadlines missed early; 'safeguard due --at' shows what falls due by then\n"
                ))
            #expect(ahead.stdout == "")
        }
        #expect(try cli.run("history E1").stdout.split(separator: "\n").count == 1)
        #expect(try cli.run("tick").status == 0)
    }

    @Test func aKeyRotationIsRecordedByAnAdministratorAndVerifyChecksEachRowUnderItsKey() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        let before = try keyLines(cli)
        #expect(before.count == 1)
        // Not an administrator: refused, the key file untouched
        let refused = try run(cli, as: tokens["PC1"], "key rotate --reason 'I want one'")
        #expect(refused.status == 1)
        #expect(refused.stderr == "safeguard: refused: only an administrator may rotate the record's key; PC1 (essex) is not one\n")
        #expect(try keyLines(cli) == before)
        #expect(try run(cli, as: tokens["ADM1"], "key rotate").status == 64)
        // An administrator rotates: the old key kept, the new one last, the rotation in the register's log
        let rotated = try run(cli, as: tokens["ADM1"], "key rotate --reason 'annual rotation'")
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let after = try keyLines(cli)
        #expect(after.count == 2 && after[0] == before[0] && after[1] != before[0])
        #expect(rotated.stdout.hasPrefix("key "))
        #expect(rotated.stdout.contains(" (essex#10, by ADM1); key "))
        #expect(rotated.stdout.hasSuffix(" kept in \(cli.database).key to check what it signed\n"))
        // Events go on under the new key; verify checks both
        #expect(try run(cli, as: tokens["SUP77"], IdentityGoldenTests.authorise).status == 0)
        let verified = try cli.run("verify")
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout == "verified 2 events in 1 case: the chain is intact and every case replays to its snapshot\n")
        // A key file put back to the old key alone (a copy taken before the rotation) stops every write
        try (before[0] + "\n").write(toFile: cli.database + ".key", atomically: true, encoding: .utf8)
        chmod(cli.database + ".key", 0o600)
        let stale = try run(cli, as: tokens["PC1"], "fire E1 serve_notice --at 2026-05-24T09:00:00+01:00 --data address_refused=true")
        #expect(stale.status == 5)
        #expect(stale.stderr.contains("is not the one the last rotation recorded"))
        #expect(try cli.run("history E1").stdout.split(separator: "\n").count == 2)
    }

    @Test func anImportNeedsAReasonRecordedOnceAndShownWithEachImportedEvent() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        let legacy = cli.folder.appendingPathComponent("legacy.jsonl")
        try
            (#"{"id":"L3","case":"A2","workflow":"dvpo","force":"essex","event":"report_incident","at":"2026-05-23T21:10:00Z","actor":{"id":"NOBODY","role":"constable"},"data":{"perpetrator_dob":"1988-02-14","relationship":"spouse","violence":"used"}}"#
            + "\n").write(to: legacy, atomically: true, encoding: .utf8)
        let unexplained = try run(cli, as: tokens["ADM1"], "apply \(legacy.path) --import-as LEGACY")
        #expect(unexplained.status == 2)
        #expect(
            unexplained.stderr
                == "safeguard: bad input: --import-as needs --reason; expected why this history is imported (recorded with the import and shown in each event's history)\n"
        )
        #expect(try cli.run("show A2").status == 2)
        #expect(try run(cli, as: tokens["ADM1"], "apply \(legacy.path) --reason x").status == 64)
        let imported = try run(cli, as: tokens["ADM1"], "apply \(legacy.path) --import-as LEGACY --reason 'Niche RMS cases 2019-2025'")
        #expect(imported.status == 0, "\(imported.stderr)")
        let history = try cli.run("history A2").stdout
        #expect(history.contains("by NOBODY, constable; import:LEGACY, essex#10)\n  imported by ADM1 (essex#10, "))
        #expect(history.hasSuffix("): Niche RMS cases 2019-2025\n"))
        let json = try cli.run("history A2 --json").stdout
        #expect(json.contains(#""actor":{"authentication":"import:LEGACY","id":"NOBODY","registerVersion":"essex#10","role":"constable"}"#))
        #expect(json.contains(#""import":{"by":"ADM1","change":"essex#10","reason":"Niche RMS cases 2019-2025","recorded_at":"#))
        #expect(try cli.run("verify").status == 0)
    }

    @Test func aStoreWithoutARegisterSaysItsIdentitiesAreClaimed() throws {
        let cli = Cli()
        let opened = try cli.run(Self.open + " --actor PC1 --role constable")
        #expect(opened.status == 0)
        #expect(opened.stderr == Self.claimedWarning)
        let refused = try cli.run("fire E1 authorise_notice --at 2026-05-24T01:30:00+01:00 --actor PC1 --role constable")
        #expect(refused.status != 0)
        #expect(!refused.stderr.contains("warning"))
        let json = try cli.run(Self.open.replacingOccurrences(of: "E1", with: "E2") + " --actor PC1 --role constable --json")
        #expect(
            json.stderr
                == #"{"kind":"warning","message":"this store keeps no staff register, so actors and roles are recorded as claimed, not proven; expected 'safeguard init' to set one up before real casework"}"#
                + "\n")
        #expect(try cli.run("show E1").stdout.hasSuffix("\nidentities: claimed, not proven (this store keeps no staff register)\n"))
        #expect(try cli.run("show E1 --json").stdout.contains(#""identities":"claimed""#))
        let verify = try cli.run("verify")
        #expect(verify.status == 0)
        #expect(
            verify.stdout.hasSuffix(
                "identities claimed: this store keeps no staff register, so each event's actor and role are as typed, not proven\nverified 2 events in 2 cases: the chain is intact and every case replays to its snapshot\n"
            ))
        #expect(try cli.run("verify --json").stdout.contains(#""identities":"claimed""#))
        // A registered store's writes carry no warning, and say so
        let (registered, tokens) = try IdentityGoldenTests().registered()
        let proven = try run(registered, as: tokens["PC1"], Self.open)
        #expect(proven.status == 0 && proven.stderr == "")
        #expect(try registered.run("show E1 --json").stdout.contains(#""identities":"registered""#))
        #expect(!(try registered.run("show E1").stdout.contains("identities")))
    }

    @Test func aVoidInARegisteredStoreIsMadeByTheTokensHolderInARoleTheyHold() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        #expect(try run(cli, as: tokens["SUP77"], IdentityGoldenTests.authorise).status == 0)
        // A constable claiming a sergeant's rank, or someone else's id, is refused and nothing is voided
        let claimed = try run(cli, as: tokens["PC1"], "void E1 --event 2 --reason typo --actor PC1 --role sergeant")
        #expect(claimed.status == 1)
        #expect(claimed.stderr.hasPrefix("safeguard: refused: PC1 did not hold the role sergeant at "))
        let other = try run(cli, as: tokens["PC1"], "void E1 --event 2 --reason typo --actor SGT9 --role sergeant")
        #expect(other.status == 1)
        #expect(other.stderr == "safeguard: refused: --actor SGT9 is not the holder of the token given (PC1); expected no --actor, or your own id\n")
        #expect(try cli.run("history E1").stdout.split(separator: "\n").count == 2)
        // The superintendent may void, recorded with their token
        let voided = try run(cli, as: tokens["SUP77"], "void E1 --event 2 --reason typo --actor SUP77 --role superintendent")
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(voided.stdout.contains("by SUP77, superintendent; token, essex#5"))
    }
}

import Foundation
import GRDB
import Testing

/// Findings of the hostile test of who may act, run through the built binary: each refusal is
/// exact, and nothing changes.
@Suite("Golden runs: who may act, after the hostile test")
struct WhoMayActAttackGoldenTests {
    static let open = IdentityGoldenTests.open
    static let authorise = IdentityGoldenTests.authorise

    func run(_ cli: Cli, as token: String?, _ line: String, environment: [String: String] = [:]) throws -> Cli.Run {
        var cli = cli
        for (key, value) in environment { cli.environment[key] = value }
        return try IdentityGoldenTests().run(cli, as: token, line)
    }

    /// A JSON Lines file of `lines` in the store's folder.
    func file(_ cli: Cli, _ name: String, _ lines: [String]) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func opening(id: String, case caseID: String, actor: String, role: String, at: String = "2026-05-23T21:10:00Z") -> String {
        #"{"id":"\#(id)","case":"\#(caseID)","workflow":"dvpo","force":"essex","event":"report_incident","at":"\#(at)","actor":{"id":"\#(actor)","role":"\#(role)"},"data":{"perpetrator_dob":"1988-02-14","relationship":"spouse","violence":"used"}}"#
    }

    static func authorising(id: String, case caseID: String, actor: String) -> String {
        #"{"id":"\#(id)","case":"\#(caseID)","event":"authorise_notice","at":"2026-05-24T00:30:00Z","actor":{"id":"\#(actor)","role":"superintendent"},"data":{"grounds":"g","victim_opinion":"v","children_welfare":"c","perpetrator_representations":"none","premises_conditions":false}}"#
    }

    func eventCount(_ cli: Cli, _ caseID: String) throws -> Int {
        try cli.run("history \(caseID)").stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count
    }

    @Test func aLinesActorMustBeTheTokensHolderUnlessAnAdministratorOfTheForceRunsTheBatch() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        let line = try file(cli, "as-superintendent.jsonl", [Self.authorising(id: "B1", case: "E1", actor: "SUP77")])
        // A constable's token naming the superintendent: refused, nothing written
        let constable = try run(cli, as: tokens["PC1"], "apply \(line)")
        #expect(constable.status == 1)
        #expect(
            constable.stderr
                == "line 1: refused: the line's actor SUP77 is not the holder of the token given (PC1); expected your own id, or an administrator of essex's token for a force system's batch\n"
        )
        #expect(constable.stdout == "applied 0, skipped 0, refused 1, malformed 0 (1 lines)\n")
        // Another force's superintendent (even its administrator): refused
        let kent = try run(cli, as: tokens["K9"], "apply \(line)")
        #expect(kent.status == 1)
        #expect(
            kent.stderr
                == "line 1: refused: K9 is on the staff register of kent, not essex; expected an officer or staff member of the case's force\n")
        #expect(try run(cli, as: tokens["KADM"], "apply \(line)").status == 1)
        #expect(try eventCount(cli, "E1") == 1)
        // The superintendent's own line, and Essex's administrator running the force system's batch, are applied
        let own = try run(cli, as: tokens["SUP77"], "apply \(line)")
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try cli.run("history E1").stdout.contains("by SUP77, superintendent; batch:SUP77, essex#"))
        #expect(try run(cli, as: tokens["PC1"], Self.open.replacingOccurrences(of: "E1", with: "E2")).status == 0)
        let batch = try run(
            cli, as: tokens["ADM1"], "apply \(try file(cli, "system.jsonl", [Self.authorising(id: "B2", case: "E2", actor: "SUP77")]))")
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(try cli.run("history E2").stdout.contains("by SUP77, superintendent; batch:ADM1, essex#"))
        #expect(try cli.run("verify").status == 0)
    }

    @Test func anIdentityRefusalIsNotRememberedAgainstTheEventId() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        let poisoned = try run(cli, as: tokens["K9"], "apply \(try file(cli, "poison.jsonl", [Self.authorising(id: "LEGIT-42", case: "E1", actor: "K9")]))")
        #expect(poisoned.status == 1)
        #expect(poisoned.stderr.hasPrefix("line 1: refused: K9 is on the staff register of kent, not essex;"))
        let rightful = try run(cli, as: tokens["SUP77"], Self.authorise + " --id LEGIT-42")
        #expect(rightful.status == 0, "\(rightful.stderr)")
        #expect(try eventCount(cli, "E1") == 2)
    }

    @Test func anImportWritesOnlyNewCasesOfTheAdministratorsForceAtPastTimes() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        let reason = " --import-as LEGACY --reason 'Niche RMS'"
        // Onto a live case: refused, nothing added
        let live = try run(cli, as: tokens["ADM1"], "apply \(try file(cli, "live.jsonl", [Self.authorising(id: "I1", case: "E1", actor: "NOBODY")]))" + reason)
        #expect(live.status == 1)
        #expect(
            live.stderr
                == "line 1: refused: case E1 holds events not written by an import; expected an import to create new cases only, never to add to live casework\n"
        )
        #expect(try eventCount(cli, "E1") == 1)
        // Another force's administrator importing an Essex case: refused
        let foreign = try file(cli, "foreign.jsonl", [Self.opening(id: "I2", case: "H2", actor: "NOBODY", role: "constable")])
        let kent = try run(cli, as: tokens["KADM"], "apply \(foreign)" + reason)
        #expect(kent.status == 1)
        #expect(
            kent.stderr
                == "line 1: refused: an import by KADM writes only cases of kent, and case H2 is of essex; expected that force's administrator to import it\n"
        )
        #expect(try cli.run("show H2").status == 2)
        // History dated after the import (within the tolerance for times ahead of the clock): bad input
        let soon = ISO8601DateFormatter().string(from: Date().addingTimeInterval(150))
        let later = try run(
            cli, as: tokens["ADM1"],
            "apply \(try file(cli, "later.jsonl", [Self.opening(id: "I3", case: "H3", actor: "NOBODY", role: "constable", at: soon)]))" + reason)
        #expect(later.status == 1)
        #expect(later.stderr.hasPrefix("line 1: malformed: imported report_incident at \(soon) is after the import ("))
        #expect(later.stderr.hasSuffix("); expected history from before it\n"))
        #expect(try cli.run("show H3").status == 2)
        // A new case and its later imported events: written
        let whole = try file(
            cli, "whole.jsonl",
            [Self.opening(id: "I4", case: "H4", actor: "NOBODY", role: "constable"), Self.authorising(id: "I5", case: "H4", actor: "NOBODY")])
        let imported = try run(cli, as: tokens["ADM1"], "apply \(whole)" + reason)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try eventCount(cli, "H4") == 2)
        #expect(try cli.run("verify").status == 0)
    }
}

extension WhoMayActAttackGoldenTests {
    @Test func aGrantCannotBeBackdatedButATakingAwayCan() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        let backdated = try run(
            cli, as: tokens["ADM1"],
            "staff update --force essex --id ADM1 --role administrator --role superintendent --effective 2026-01-01T00:00:00Z --reason x")
        #expect(backdated.status == 1)
        #expect(
            backdated.stderr
                == "safeguard: refused: a grant to ADM1 (a role added or dates widened) takes effect when it is recorded, not from 2026-01-01T00:00:00Z; expected --effective now or later (a backdated change may only take away)\n"
        )
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        let authorised = try run(cli, as: tokens["ADM1"], Self.authorise + " --role superintendent")
        #expect(authorised.status == 1)
        #expect(authorised.stderr.hasPrefix("safeguard: refused: ADM1 did not hold the role superintendent at "))
        // Taking a role away may be backdated; granting from now is fine
        #expect(try run(cli, as: tokens["ADM1"], "staff update --force essex --id SUP77 --until 2030-01-01T00:00:00Z --effective 2026-01-01T00:00:00Z --reason contract").status == 0)
        #expect(try run(cli, as: tokens["ADM1"], "staff update --force essex --id PC1 --role sergeant --reason promoted").status == 0)
    }

    @Test func theLastAdministratorCannotBeRetiredOrLoseTheRole() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        let message =
            "safeguard: refused: ADM1 is the last administrator of essex with no end date; expected another administrator added first, since without one nobody could change its register again\n"
        let retired = try run(cli, as: tokens["ADM1"], "staff retire --force essex --id ADM1 --reason leaving")
        #expect(retired.status == 1)
        #expect(retired.stderr == message)
        let demoted = try run(cli, as: tokens["ADM1"], "staff update --force essex --id ADM1 --role constable --reason x")
        #expect(demoted.status == 1)
        #expect(demoted.stderr == message)
        // Still an administrator: the register is still in hand
        #expect(try run(cli, as: tokens["ADM1"], "staff token PC1 --force essex --reason lost").status == 0)
        // With a second administrator, the first may go
        #expect(try run(cli, as: tokens["ADM1"], "staff update --force essex --id SUP77 --role superintendent --role administrator --reason deputy").status == 0)
        #expect(try run(cli, as: tokens["ADM1"], "staff retire --force essex --id ADM1 --reason leaving").status == 0)
    }
}

extension WhoMayActAttackGoldenTests {
    @Test func explainAndVoidTakeTheActorFromTheToken() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        // fire --explain judges the token's holder in their registered rank, as fire would
        let explained = try run(cli, as: tokens["SUP77"], Self.authorise + " --explain")
        #expect(explained.status == 0, "\(explained.stdout)\(explained.stderr)")
        #expect(!explained.stdout.contains("unknown role"))
        let constable = try run(cli, as: tokens["PC1"], Self.authorise + " --explain --role superintendent")
        #expect(constable.status == 1)
        #expect(
            constable.stdout.contains(
                "PC1 did not hold the role superintendent at 2026-05-24T01:30:00+01:00 (the register gives constable); expected a role the person holds"))
        #expect(try eventCount(cli, "E1") == 1)
        // void with a token needs no --actor or --role
        #expect(try run(cli, as: tokens["SUP77"], Self.authorise).status == 0)
        let voided = try run(cli, as: tokens["SUP77"], "void E1 --event 2 --reason typo")
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(voided.stdout.contains("by SUP77, superintendent; token, essex#"))
        // Without a register, void still needs them (bad input, nothing voided)
        let claims = Cli()
        #expect(try claims.run(Self.open + " --actor PC1 --role constable").status == 0)
        let bare = try claims.run("void E1 --event 1 --reason typo")
        #expect(bare.status == 2)
        #expect(bare.stderr == "safeguard: bad input: no actor given; expected --actor ID and --role R (or a staff register and a token: see 'safeguard init')\n")
    }

    @Test func aMissingKeyFileIsNotReplacedByAFreshOneForAnExistingDatabase() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        try FileManager.default.moveItem(atPath: cli.database + ".key", toPath: cli.database + ".key.bak")
        let refused = try run(cli, as: tokens["PC1"], "fire E1 serve_notice --at 2026-05-24T09:00:00+01:00 --data address_refused=true")
        #expect(refused.status == 5)
        #expect(
            refused.stderr
                == "safeguard: storage error: the key file \(cli.database).key is missing, but the database already holds a record; expected the key file it was created with (restore it, or name it with --key-file)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: cli.database + ".key"))
        try FileManager.default.moveItem(atPath: cli.database + ".key.bak", toPath: cli.database + ".key")
        #expect(try eventCount(cli, "E1") == 1)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func anEntryNotYetBegunIsToldSoAndItsTokenIssuedWithAWarning() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(
            try run(cli, as: tokens["ADM1"], "staff add --force essex --id PC3 --name N --role constable --from 2099-01-01T00:00:00Z --reason starter").status == 0)
        let issued = try run(cli, as: tokens["ADM1"], "staff token PC3 --force essex --reason issued")
        #expect(issued.status == 0)
        #expect(issued.stderr.hasSuffix("safeguard: warning: PC3's entry begins at 2099-01-01T00:00:00Z; the token works from then\n"))
        let early = try run(cli, as: issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines), Self.open)
        #expect(early.status == 1)
        #expect(
            early.stderr == "safeguard: refused: PC3's register entry (essex) begins at 2099-01-01T00:00:00Z; expected a person whose entry is valid now\n")
        let retired = try run(cli, as: tokens["ADM1"], "staff token INS42 --force essex --reason issued")
        #expect(
            retired.stderr.hasSuffix(
                "safeguard: warning: INS42's entry ended at 2026-05-01T00:00:00+01:00; the token works for nothing until the entry is renewed ('safeguard staff update --until')\n"
            ))
        #expect(try cli.run("show E1").status == 2)
    }
}

extension WhoMayActAttackGoldenTests {
    @Test func verifyNamesEventsProvenByRegisterVersionsTheRegisterNoLongerHolds() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        #expect(try cli.run("verify").status == 0)
        // The register deleted behind the engine's back and the key file's marker stripped
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER register_append_only_delete")
            try db.execute(sql: "DELETE FROM register_change")
        }
        let key = try String(contentsOfFile: cli.database + ".key", encoding: .utf8)
        try key.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0 + "\n" }.joined()
            .write(toFile: cli.database + ".key", atomically: true, encoding: .utf8)
        chmod(cli.database + ".key", 0o600)
        let verified = try cli.run("verify")
        #expect(verified.status == 5)
        #expect(
            verified.stdout.contains(
                "case E1, event 1 (report_incident): its actor was proven by register version essex#3, which the staff register does not hold; the register was deleted or cut short behind the engine's back\n"
            ))
        // Nor is the case written to on claims
        let claimed = try cli.run("fire E1 serve_notice --at 2026-05-24T09:00:00+01:00 --data address_refused=true --actor PC1 --role constable")
        #expect(claimed.status == 5)
        #expect(
            claimed.stderr
                == "safeguard: storage error: case E1 holds events proven by a staff register, but the database holds none; it was deleted behind the engine's back (see 'safeguard verify')\n"
        )
        #expect(try cli.run("history E1").stdout.split(separator: "\n").count == 1)
    }
}

extension WhoMayActAttackGoldenTests {
    @Test func aStoreWhoseRegisterBeganAfterClaimedEventsSaysItsIdentitiesAreMixed() throws {
        var cli = Cli()
        #expect(try cli.run(Self.open + " --actor PC1 --role constable").status == 0)
        let initialised = try cli.run("init --force essex --admin ADM1 --name 'A Admin' --from 2020-01-01T00:00:00Z")
        #expect(initialised.status == 0)
        cli.environment["SAFEGUARD_TOKEN"] = initialised.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run("show E1").stdout.hasSuffix(
            "\nidentities: mixed (events recorded before the staff register have claimed actors and roles, not proven)\n"))
        #expect(try cli.run("show E1 --json").stdout.contains(#""identities":"mixed""#))
        let verified = try cli.run("verify")
        #expect(verified.status == 0)
        #expect(
            verified.stdout
                == "identities mixed: events recorded before the staff register have actors and roles as typed, not proven\nverified 1 events in 1 case: the chain is intact and every case replays to its snapshot\n"
        )
        #expect(try cli.run("verify --json").stdout.contains(#""identities":"mixed""#))
    }
}

extension WhoMayActAttackGoldenTests {
    @Test func aWriteToADatabaseOthersMayReadEndsWithAWarning() throws {
        let (cli, tokens) = try IdentityGoldenTests().registered()
        let private_ = try run(cli, as: tokens["PC1"], Self.open)
        #expect(private_.status == 0 && private_.stderr == "")
        chmod(cli.database, 0o644)
        let opened = try run(cli, as: tokens["PC1"], Self.open.replacingOccurrences(of: "E1", with: "E2"))
        #expect(opened.status == 0)
        #expect(
            opened.stderr
                == "safeguard: warning: the database \(cli.database) is readable by others (mode 644); expected a file readable by its owner only (chmod 600), as it holds personal data\n"
        )
    }
}

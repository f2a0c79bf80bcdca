import Foundation
import GRDB
import Testing

/// Who may act, run through the built binary: a store set up with a staff register refuses every
/// transition that is not made by a registered person with their own token, in a role they hold.
@Suite("Golden runs: staff register and authenticated actors")
struct IdentityGoldenTests {
    static let open =
        "open --force essex --id E1 --at 2026-05-23T22:10:00+01:00 --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
    static let authorise =
        "fire E1 authorise_notice --at 2026-05-24T01:30:00+01:00 --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false"

    /// A store with Essex's register: ADM1 (administrator), PC1 (constable), SUP77 (superintendent),
    /// INS42 (inspector, retired on 1 May 2026), and Kent's K9 (superintendent). Returns each token.
    func registered() throws -> (Cli, [String: String]) {
        var cli = Cli()
        var tokens: [String: String] = [:]
        let initialised = try cli.run("init --force essex --admin ADM1 --name 'A Admin' --from 2020-01-01T00:00:00Z")
        #expect(initialised.status == 0, "\(initialised.stderr)")
        tokens["ADM1"] = initialised.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        cli.environment["SAFEGUARD_TOKEN"] = tokens["ADM1"]
        for (id, role) in [("PC1", "constable"), ("SUP77", "superintendent"), ("INS42", "inspector")] {
            let added = try cli.run("staff add --force essex --id \(id) --name 'N \(id)' --role \(role) --from 2020-01-01T00:00:00Z --reason starter")
            #expect(added.status == 0, "\(added.stderr)")
            tokens[id] = try cli.run("staff token \(id) --force essex --reason issued").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try cli.run("staff retire --force essex --id INS42 --at 2026-05-01T00:00:00+01:00 --reason retired").status == 0)
        let kent = try cli.run("init --force kent --admin KADM --name 'K Admin' --from 2020-01-01T00:00:00Z")
        #expect(kent.status == 0, "\(kent.stderr)")
        tokens["KADM"] = kent.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        cli.environment["SAFEGUARD_TOKEN"] = tokens["KADM"]
        #expect(try cli.run("staff add --force kent --id K9 --name 'N K9' --role superintendent --from 2020-01-01T00:00:00Z --reason starter").status == 0)
        tokens["K9"] = try cli.run("staff token K9 --force kent --reason issued").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        cli.environment.removeValue(forKey: "SAFEGUARD_TOKEN")
        return (cli, tokens)
    }

    func run(_ cli: Cli, as token: String?, _ line: String) throws -> Cli.Run {
        var cli = cli
        cli.environment["SAFEGUARD_TOKEN"] = token ?? ""
        return try cli.run(line)
    }

    @Test func eachRefusalNamesWhatWasWrongAndChangesNothing() throws {
        let (cli, tokens) = try registered()
        let refusals: [(String?, String, String)] = [
            (
                nil, Self.open,
                "safeguard: refused: this store keeps a staff register, so every change needs the personal token of whoever makes it; expected it in SAFEGUARD_TOKEN or --token-file (issued by 'safeguard staff token')\n"
            ),
            (
                "sg_" + String(repeating: "0", count: 64), Self.open,
                "safeguard: refused: the token given is not one the staff register issued, or it was replaced by a newer one; expected your current token\n"
            ),
            (
                tokens["PC1"], Self.open + " --role superintendent",
                "safeguard: refused: PC1 did not hold the role superintendent at 2026-05-23T22:10:00+01:00 (the register gives constable); expected a role the person holds\n"
            ),
            (
                tokens["INS42"], Self.open,
                "safeguard: refused: INS42's register entry (essex) is retired or expired; expected a person whose entry is valid now\n"
            ),
            (
                tokens["K9"], Self.open,
                "safeguard: refused: K9 is on the staff register of kent, not essex; expected an officer or staff member of the case's force\n"
            ),
            (
                tokens["PC1"], Self.open + " --actor SUP77",
                "safeguard: refused: --actor SUP77 is not the holder of the token given (PC1); expected no --actor, or your own id\n"
            ),
            (
                tokens["PC1"], Self.open + " --actor engine",
                "safeguard: refused: only the engine's clock (safeguard tick) acts as engine; expected a person's id and role\n"
            ),
        ]
        for (token, line, message) in refusals {
            let refused = try run(cli, as: token, line)
            #expect(refused.status == 1, "\(line)")
            #expect(refused.stderr == message)
        }
        #expect(try cli.run("list").stdout == "no cases\n")

        // The rank used is the register's: a constable's token cannot authorise, a superintendent's can
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        let constable = try run(cli, as: tokens["PC1"], Self.authorise)
        #expect(constable.status == 1)
        #expect(constable.stderr.contains("superintendent"))
        #expect(try run(cli, as: tokens["SUP77"], Self.authorise).status == 0)

        // Each event records who, in which role, by which register version and how they were known
        let history = try cli.run("history E1 --json").stdout
        #expect(history.contains(#""actor":{"authentication":"token","id":"PC1","registerVersion":"essex#3","role":"constable"}"#))
        #expect(history.contains(#""actor":{"authentication":"token","id":"SUP77","registerVersion":"essex#5","role":"superintendent"}"#))
    }

    @Test func onlyAnAdministratorOfTheForceChangesItsRegister() throws {
        let (cli, tokens) = try registered()
        let constable = try run(cli, as: tokens["PC1"], "staff add --force essex --id PC9 --name X --role superintendent --reason self-promotion")
        #expect(constable.status == 1)
        #expect(constable.stderr == "safeguard: refused: only an administrator of essex may change its staff register; PC1 (essex) is not one\n")
        let noToken = try run(cli, as: nil, "staff token PC1 --force essex --reason again")
        #expect(noToken.status == 1)
        // A register change is recorded, chained and verified
        #expect(
            try cli.run("staff list --force essex").stdout.contains(
                "essex  INS42  N INS42  inspector  from 2020-01-01T00:00:00Z until 2026-05-01T00:00:00+01:00  (essex#9)"))
        #expect(try cli.run("verify").status == 0)
    }

    @Test func aTokenFileReadableByOthersIsRefused() throws {
        let (cli, tokens) = try registered()
        let file = cli.folder.appendingPathComponent("pc1.token").path
        FileManager.default.createFile(atPath: file, contents: Data(tokens["PC1"]!.utf8), attributes: [.posixPermissions: 0o644])
        let loose = try cli.run(Self.open + " --token-file \(file)")
        #expect(loose.status == 2)
        #expect(
            loose.stderr
                == "safeguard: bad input: the token file \(file) is readable by others (mode 644); expected a file readable by its owner only (chmod 600)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        #expect(try cli.run(Self.open + " --token-file \(file)").status == 0)
    }

    @Test func applyLinesNeedRegisteredActorsAndAnImportIsRecordedAsSuch() throws {
        let (cli, tokens) = try registered()
        let lines = [
            #"{"id":"L1","case":"A1","workflow":"dvpo","force":"essex","event":"report_incident","at":"2026-05-23T21:10:00Z","actor":{"id":"PC1","role":"constable"},"data":{"perpetrator_dob":"1988-02-14","relationship":"spouse","violence":"used"}}"#,
            #"{"id":"L2","case":"A2","workflow":"dvpo","force":"essex","event":"report_incident","at":"2026-05-23T21:10:00Z","actor":{"id":"NOBODY","role":"constable"},"data":{"perpetrator_dob":"1988-02-14","relationship":"spouse","violence":"used"}}"#,
        ]
        let file = cli.folder.appendingPathComponent("lines.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let applied = try run(cli, as: tokens["PC1"], "apply \(file.path)")
        #expect(applied.status == 1)
        #expect(
            applied.stderr.contains(
                "line 2: refused: the line's actor NOBODY is not the holder of the token given (PC1); expected your own id, or an administrator of essex's token for a force system's batch"
            ))
        #expect(try cli.run("history A1 --json").stdout.contains(#""authentication":"batch:PC1""#))
        // The force's administrator may submit others' lines, but only of people on the register
        let system = try run(cli, as: tokens["ADM1"], "apply \(file.path)")
        #expect(system.status == 1)
        #expect(
            system.stderr == "line 2: refused: NOBODY is not on the staff register of essex; expected a person the force's administrator has registered\n"
        )
        // An import under a named identity needs an administrator
        let legacy = cli.folder.appendingPathComponent("legacy.jsonl")
        try (lines[1].replacingOccurrences(of: #""id":"L2""#, with: #""id":"L3""#) + "\n").write(to: legacy, atomically: true, encoding: .utf8)
        #expect(try run(cli, as: tokens["PC1"], "apply \(legacy.path) --import-as LEGACY --reason legacy").status == 1)
        let imported = try run(cli, as: tokens["ADM1"], "apply \(legacy.path) --import-as LEGACY --reason legacy")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            try cli.run("history A2 --json").stdout.contains(
                #""actor":{"authentication":"import:LEGACY","id":"NOBODY","registerVersion":"essex#10","role":"constable"}"#))
    }

    @Test func anEditedAndRehashedRegisterStopsEveryTransitionAndVerifyNamesIt() throws {
        let (cli, tokens) = try registered()
        // PC1 makes themselves a superintendent with sqlite3, hash recomputed (the change keeps its MAC)
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER register_append_only_update")
            try db.execute(
                sql:
                    "UPDATE register_change SET change = replace(change, '\"roles\":[\"constable\"]', '\"roles\":[\"superintendent\"]') WHERE sequence = 3 AND force = 'essex'"
            )
        }
        let refused = try run(cli, as: tokens["PC1"], Self.open)
        #expect(refused.status == 5)
        #expect(
            refused.stderr.hasPrefix(
                "safeguard: storage error: the staff register fails its check (register of essex, change 3 (add PC1): its contents do not match its hash"))
        let verify = try cli.run("verify")
        #expect(verify.status == 5)
        #expect(verify.stdout.contains("register of essex, change 3 (add PC1): its contents do not match its hash; it was changed after it was recorded\n"))
    }

    @Test func aCheckpointKeptOutsideTheDatabaseCatchesARolledBackLog() throws {
        let (cli, tokens) = try registered()
        #expect(try run(cli, as: tokens["PC1"], Self.open).status == 0)
        #expect(try run(cli, as: tokens["SUP77"], Self.authorise).status == 0)
        let checkpoint = try cli.run("checkpoint")
        #expect(checkpoint.status == 0)
        #expect(checkpoint.stdout.hasPrefix("safeguard-checkpoint v1 events=2 head="))
        let line = checkpoint.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run(["verify", "--checkpoint", line]).status == 0)

        // The second event and the head rolled back together, as a deleted WAL file leaves them
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_delete")
            try db.execute(sql: "DELETE FROM event WHERE sequence = 2")
            try db.execute(sql: "UPDATE chain_head SET hash = (SELECT hash FROM event WHERE sequence = 1), events = 1")
        }
        let file = cli.folder.appendingPathComponent("checkpoint.txt")
        try line.write(to: file, atomically: true, encoding: .utf8)
        let caught = try cli.run("verify --checkpoint \(file.path)")
        #expect(caught.status == 5)
        #expect(caught.stdout.contains("the log holds 1 events, but the checkpoint saw 2; events recorded before the checkpoint were deleted\n"))

        // A checkpoint whose figures were altered does not carry a MAC that matches
        let forged = line.replacingOccurrences(of: "events=2", with: "events=1")
        #expect(
            try cli.run(["verify", "--checkpoint", forged]).stdout.contains(
                "the checkpoint's MAC does not match it under the record's keys; it was not made by this store, or it was altered\n"))
    }

    @Test func aTokenWrittenToAFileIsReadableByItsOwnerOnlyAndAnExistingFileStopsTheIssue() throws {
        var (cli, tokens) = try registered()
        cli.environment["SAFEGUARD_TOKEN"] = tokens["ADM1"]
        let file = cli.folder.appendingPathComponent("pc1.token").path
        #expect(try cli.run("staff token PC1 --force essex --reason lost --token-out \(file)").status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        // A second issue to the same path is refused before the register changes: the token in the file still works
        let again = try cli.run("staff token PC1 --force essex --reason again --token-out \(file)")
        #expect(again.status == 2)
        #expect(again.stderr == "safeguard: bad input: cannot create the token file \(file) (it may exist already); expected a new file's path\n")
        cli.environment.removeValue(forKey: "SAFEGUARD_TOKEN")
        #expect(try cli.run(Self.open + " --token-file \(file)").status == 0)
        // and the token it replaced no longer does
        #expect(
            try run(cli, as: tokens["PC1"], "fire E1 record_visit --at 2026-05-24T01:00:00+01:00 --data outcome=x").stderr.contains("replaced by a newer one"))
    }

    @Test func aDeletedRegisterDoesNotTurnTheStoreBackIntoATrialStore() throws {
        let (cli, _) = try registered()
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER register_append_only_delete")
            try db.execute(sql: "DELETE FROM register_change")
        }
        // Flags alone, as in a store that never had a register: refused, nothing written
        let forged = try cli.run(Self.open + " --actor SUP1 --role superintendent")
        #expect(forged.status == 5)
        #expect(
            forged.stderr
                == "safeguard: storage error: the key file says this store keeps a staff register, but the database holds none; it was deleted behind the engine's back (see 'safeguard verify --checkpoint')\n"
        )
        #expect(try cli.run("list").stdout == "no cases\n")
        #expect(
            try cli.run("verify").stdout.contains(
                "the key file says this store keeps a staff register, but the database holds none; it was deleted behind the engine's back\n"))
    }

    @Test func theRankUsedIsTheOneTheRegisterGaveAtTheEventsTime() throws {
        var (cli, tokens) = try registered()
        // PC1 is promoted to superintendent from now (a grant takes effect when it is recorded)
        cli.environment["SAFEGUARD_TOKEN"] = tokens["ADM1"]
        let promoted = try cli.run("staff update --force essex --id PC1 --role superintendent --reason promoted")
        #expect(promoted.stdout.hasPrefix("essex#10 update PC1: superintendent, from 2020-01-01T00:00:00Z; applies to events from "))
        #expect(try run(cli, as: tokens["SUP77"], Self.open).status == 0)
        // Before the promotion PC1 was a constable: an authorisation dated then is refused
        let early = try run(cli, as: tokens["PC1"], Self.authorise + " --role superintendent")
        #expect(early.status == 1)
        #expect(
            early.stderr
                == "safeguard: refused: PC1 did not hold the role superintendent at 2026-05-24T01:30:00+01:00 (the register gives constable); expected a role the person holds\n"
        )
        // After it, PC1 authorises as a superintendent under the promotion's version
        let format = ISO8601DateFormatter()
        let opened = format.string(from: Date().addingTimeInterval(5))
        let authorised = format.string(from: Date().addingTimeInterval(60))
        let second = Self.open.replacingOccurrences(of: "E1", with: "E3").replacingOccurrences(of: "2026-05-23T22:10:00+01:00", with: opened)
        #expect(try run(cli, as: tokens["SUP77"], second).status == 0)
        let later = try run(
            cli, as: tokens["PC1"],
            Self.authorise.replacingOccurrences(of: "E1", with: "E3").replacingOccurrences(of: "2026-05-24T01:30:00+01:00", with: authorised))
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.contains("by PC1, superintendent; token, essex#10"))
    }
}

import Foundation
import Testing

/// Ordinary mistakes an officer makes, and the recorded way back from each.
@Suite("Golden runs: recovering from mistakes")
struct RecoveryGoldenTests {
    static let open =
        "open --force durham --id C1 --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
    static let authorise =
        "fire C1 authorise_notice --at 2026-05-24T01:30:00+01:00 --actor SUP77 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false"

    /// A year typed wrong would lock the case: every later event would be "before the latest".
    @Test func anEventDatedAheadOfTheClockIsRefused() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        let before = try cli.run("history C1 --json").stdout
        let run = try cli.run(Self.authorise.replacingOccurrences(of: "2026-05-24T01:30:00+01:00", with: "2062-05-24T01:30:00+01:00"))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("safeguard: bad input: time 2062-05-24T01:30:00+01:00 for authorise_notice is ahead of the clock (now "))
        #expect(run.stderr.hasSuffix("); expected a time no more than 5 minutes from now (SAFEGUARD_FUTURE_MINUTES)\n"))
        #expect(try cli.run("history C1 --json").stdout == before)
        let future = try cli.run(Self.open.replacingOccurrences(of: "C1", with: "C2").replacingOccurrences(of: "2026-05-23", with: "2099-05-23"))
        #expect(future.status == 2)
        #expect(try cli.run("list --json").stdout.contains("C2") == false)
    }

    /// `apply` refuses a line dated ahead of the clock as `fire` does, the line alone; data generated
    /// ahead of today is applied against the time given with --now.
    @Test func applyRefusesALineDatedAheadOfTheClock() throws {
        let cli = Cli()
        let file = cli.folder.appendingPathComponent("ahead.jsonl")
        let lines = [
            #"{"id":"E1","case":"C1","workflow":"dvpo","force":"durham","event":"report_incident","at":"2026-05-23T21:10:00Z","actor":{"id":"PC1","role":"constable"},"data":{"perpetrator_dob":"1980-01-01","relationship":"spouse","violence":"used"}}"#,
            #"{"id":"E2","case":"C2","workflow":"dvpo","force":"durham","event":"report_incident","at":"2099-05-23T21:10:00Z","actor":{"id":"PC1","role":"constable"},"data":{"perpetrator_dob":"1980-01-01","relationship":"spouse","violence":"used"}}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let run = try cli.run(["apply", file.path])
        #expect(run.status == 1)
        #expect(run.stdout == "applied 1, skipped 0, refused 0, malformed 1 (2 lines)\n")
        #expect(run.stderr.hasPrefix("line 2: malformed: time 2099-05-23T22:10:00+01:00 for report_incident is ahead of the clock (now "))
        #expect(run.stderr.contains("); expected a time no more than 5 minutes from now (SAFEGUARD_FUTURE_MINUTES)\n"))
        #expect(try cli.run("list --json").stdout.contains("C2") == false)

        let later = try cli.run(["apply", file.path, "--now", "2099-05-23T21:10:00Z"])
        #expect(later.stdout == "applied 1, skipped 1, refused 0, malformed 0 (2 lines)\n")
        #expect(later.status == 0)
        let early = try cli.run(["apply", file.path, "--now", "2026-05-23T21:00:00Z"])
        #expect(early.stderr.contains("line 2: malformed: time 2099-05-23T22:10:00+01:00 for report_incident is ahead of the clock (now 2026-05-23T22:00:00+01:00); expected a time no more than 5 minutes from now (SAFEGUARD_FUTURE_MINUTES, --now)"))
        #expect(try cli.run(["apply", file.path, "--now", "soon"]).status == 2)
    }

    /// An event recorded wrongly is voided by a supervisor; the history keeps both, the case is
    /// rebuilt without it, the right event can be recorded at its true time, and verify agrees.
    @Test func aSupervisorVoidsAWronglyRecordedEvent() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        #expect(try cli.run(Self.authorise).status == 0)
        // Service typed a week late.
        #expect(try cli.run("fire C1 serve_notice --at 2026-05-31T09:15:00+01:00 --actor PC1 --role constable --data address_refused=true").status == 0)
        #expect(try cli.run("fire C1 serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1 --role constable --data address_refused=true").status == 1)

        let constable = try cli.run("void C1 --event 3 --reason 'served time typed a week late' --actor PC1 --role constable")
        #expect(constable.status == 1)
        #expect(
            constable.stderr
                == "safeguard: refused: rule void_needs_supervisor: voiding an event needs sergeant or above; the actor's role is constable; expected a supervisor\n"
        )
        #expect(
            try cli.run("void C1 --event 1 --reason x --actor SG1 --role sergeant").stderr
                == "safeguard: refused: event 1 (report_incident) opens case C1 and cannot be voided; expected correct_record for a field it recorded wrongly (its own data included, such as an order's terms), or close with a reason for a case opened in error\n")
        #expect(
            try cli.run("void C1 --event 9 --reason x --actor SG1 --role sergeant").stderr
                == "safeguard: bad input: case C1 has no event 9; expected the number of one of its events, 1 to 3 (see 'safeguard history C1')\n")

        let voided = try cli.run("void C1 --event 3 --reason 'served time typed a week late' --actor SG1 --role sergeant")
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(voided.stdout == "C1  void_event  notice_served → notice_authorised  (event 4 at 2026-05-24T01:30:00+01:00 by SG1, sergeant)\n")
        #expect(try cli.run("show C1 --json").stdout.contains("\"state\":\"notice_authorised\""))
        #expect(
            try cli.run("void C1 --event 3 --reason again --actor SG1 --role sergeant").stderr
                == "safeguard: refused: event 3 (serve_notice) of case C1 is already void; expected an event still in force\n")

        #expect(try cli.run("fire C1 serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1 --role constable --data address_refused=true").status == 0)
        let history = try cli.run("history C1").stdout.split(separator: "\n").map(String.init)
        #expect(history.count == 5)
        #expect(
            history[2] == "C1  serve_notice  notice_authorised → notice_served  (event 3 at 2026-05-31T09:15:00+01:00 by PC1, constable)  [void: see event 4]")
        #expect(history[3] == "C1  void_event  notice_served → notice_authorised  (event 4 at 2026-05-24T01:30:00+01:00 by SG1, sergeant)  [voids event 3]")
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // One hearing clock, started by the service as recorded again, not the voided one.
        let shown = try cli.run("show C1 --json").stdout
        #expect(shown.components(separatedBy: "\"clock\":\"hearing\"").count == 2)
        #expect(shown.contains("\"started_at\":\"2026-05-24T09:15:00+01:00\""))
        #expect(!shown.contains("2026-05-31"))
    }

    /// Voiding an event that a later one depended on is refused whole.
    @Test func aVoidThatWouldStrandALaterEventIsRefused() throws {
        let cli = Cli()
        #expect(try cli.run(Self.open).status == 0)
        #expect(try cli.run(Self.authorise).status == 0)
        #expect(try cli.run("fire C1 serve_notice --at 2026-05-24T09:15:00+01:00 --actor PC1 --role constable --data address_refused=true").status == 0)
        let before = try cli.run("history C1 --json").stdout
        let run = try cli.run("void C1 --event 2 --reason 'wrong superintendent' --actor SG1 --role sergeant")
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "safeguard: refused: without event 2, event 3 (serve_notice) of case C1 would be refused: serve_notice is not allowed in state incident"))
        #expect(run.stderr.hasSuffix("; expected to void the later events first\n"))
        #expect(try cli.run("history C1 --json").stdout == before)
    }
}

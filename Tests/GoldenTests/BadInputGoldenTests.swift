import Foundation
import Testing

/// Every bad input gets one line on stderr, its own exit code, and changes nothing.
@Suite("Golden runs: bad input")
struct BadInputGoldenTests {
    static let timeExpected = "ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00"
    static let openC2 =
        "open --force thames_valley --id C2 --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
    static let authorise =
        "fire C1 authorise_notice --at 2026-05-24T01:30:00+01:00 --actor SUP77 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false"

    static let cases: [(String, Int32, String)] = [
        (
            "fire C9 authorise_notice --at 2026-05-24T01:30:00+01:00 --actor SUP77 --role superintendent", 2,
            "safeguard: bad input: unknown case \"C9\"; expected the id of an existing case (see 'safeguard list')"
        ),
        (
            "fire C1 authorise --at 2026-05-24T01:30:00+01:00 --actor SUP77 --role superintendent", 2,
            "safeguard: bad input: unknown event \"authorise\" in workflow dvpo (did you mean \"authorise_notice\"?); expected one of: report_incident, authorise_notice, serve_notice, apply_for_order, adjourn_hearing, hearing_began, report_notice_breach, grant_order, refuse_order, record_visit, report_breach, breach_outcome, expire_order, record_production, record_missed_deadline, record_deadline_decision, correct_record, close"
        ),
        (
            "fire C1 grant_order --at 2026-05-24T01:30:00+01:00 --actor PC1 --role constable --data days=28", 1,
            "safeguard: refused: grant_order is not allowed in state incident; allowed there: authorise_notice, correct_record, close"
        ),
        (
            authorise.replacingOccurrences(of: "--role superintendent", with: "--role inspector"), 1,
            "safeguard: refused: authorise_notice refused by rule who (\(Cli.authoriseNotice)): needs superintendent or above (Crime and Security Act 2010 s.24(1)); SUP77 holds inspector"
        ),
        (
            authorise.replacingOccurrences(of: "--role superintendent", with: "--role supt"), 2,
            "safeguard: bad input: unknown role \"supt\" (did you mean \"superintendent\"?); expected a rank (constable, sergeant, inspector, chief_inspector, superintendent, chief_superintendent, assistant_chief_constable, commander, deputy_chief_constable, deputy_assistant_commissioner, chief_constable, assistant_commissioner, deputy_commissioner, commissioner)"
        ),
        (
            authorise.replacingOccurrences(of: " --data victim_opinion=v", with: ""), 2,
            "safeguard: bad input: authorise_notice needs field \"victim_opinion\": expected text"
        ),
        (
            authorise.replacingOccurrences(of: "premises_conditions=false", with: "premises_conditions=yes"), 2,
            "safeguard: bad input: field \"premises_conditions\" of authorise_notice must be true or false; got text"
        ),
        (
            authorise + " --data victim_opnion=x", 2,
            "safeguard: bad input: field \"victim_opnion\" is not part of authorise_notice (did you mean \"victim_opinion\"?); expected: children_welfare, grounds, other_residents_opinion, perpetrator_representations, premises_conditions, shares_premises, victim_opinion"
        ),
        (
            authorise.replacingOccurrences(of: "2026-05-24T01:30:00+01:00", with: "2026-05-24T01:30:00"), 2,
            "safeguard: bad input: malformed time \"2026-05-24T01:30:00\" for --at; expected \(timeExpected)"
        ),
        (
            authorise.replacingOccurrences(of: "2026-05-24T01:30:00+01:00", with: "2026-02-30T01:30:00Z"), 2,
            "safeguard: bad input: malformed time \"2026-02-30T01:30:00Z\" for --at; expected \(timeExpected)"
        ),
        (
            authorise.replacingOccurrences(of: "2026-05-24T01:30:00+01:00", with: "2026-05-20T01:30:00+01:00"), 2,
            "safeguard: bad input: time 2026-05-20T01:30:00+01:00 is before the case's latest change of state (2026-05-23T22:10:00+01:00, to incident); expected a time at or after it"
        ),
        (
            "open --force thames_valley --id C1 --at 2026-05-24T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used",
            2,
            "safeguard: bad input: case \"C1\" already exists; expected a new case id"
        ),
        (
            "open --force thames_valley --id C2 --at 2026-05-24T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=14/02/1988 --data relationship=cohabitant --data violence=used",
            2,
            "safeguard: bad input: field \"perpetrator_dob\" of report_incident must be a date YYYY-MM-DD; got text"
        ),
        (
            "open --force thames_valley --id C2 --at 2026-05-24T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=neighbour --data violence=used",
            2,
            "safeguard: bad input: field \"relationship\" of report_incident must be one of: spouse, former_spouse, civil_partner, former_civil_partner, cohabitant, former_cohabitant, household_member, relative, engaged, formerly_engaged, civil_partnership_agreement, intimate_relationship, parent_of_same_child, parental_responsibility, same_family_proceedings; got text"
        ),
        (
            "fire C1 close --at 2026-05-24T01:30:00+01:00 --actor PC1 --role constable --data reason", 2,
            "safeguard: bad input: malformed --data starting reason (6 characters, no \"=\"); expected key=value, such as days=28"
        ),
    ]

    /// A database holding case C1, just opened.
    func cliWithCase() throws -> Cli {
        let cli = Cli()
        let opened = try cli.run(
            "open --force thames_valley --id C1 --at 2026-05-23T22:10:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1988-02-14 --data relationship=cohabitant --data violence=used"
        )
        #expect(opened.status == 0)
        return cli
    }

    @Test(arguments: cases)
    func printsOneLineExitsWithItsCodeAndChangesNothing(command: String, status: Int32, message: String) throws {
        let cli = try cliWithCase()
        let before = try cli.run("history C1 --json").stdout
        let list = try cli.run("list --json").stdout
        let run = try cli.run(command)
        #expect(run.status == status)
        #expect(run.stderr == message + "\n")
        #expect(run.stdout.isEmpty)
        #expect(try cli.run("history C1 --json").stdout == before)
        #expect(try cli.run("list --json").stdout == list)
    }

    @Test func freeTextTypedAsDataIsNeverEchoed() throws {
        let cli = try cliWithCase()
        let base = ["fire", "C1", "close", "--at", "2026-05-24T01:30:00+01:00", "--actor", "PC1", "--role", "constable"]
        let noEquals = try cli.run(base + ["--data", "John Smith lives here"])
        #expect(noEquals.status == 2)
        #expect(noEquals.stderr == "safeguard: bad input: malformed --data (21 characters, no \"=\"); expected key=value, such as days=28\n")
        let asKey = try cli.run(base + ["--data", "victim Jane Doe=4 Mill Lane"])
        #expect(asKey.status == 2)
        #expect(
            asKey.stderr
                == "safeguard: bad input: a field named otherwise than in lower-case letters, digits and _ (15 characters) is not part of close; expected: reason\n")
        let twice = try cli.run(base + ["--data", "Jane Doe=1", "--data", "Jane Doe=2"])
        #expect(twice.stderr == "safeguard: bad input: a --data key (8 characters) is given twice; expected each field once\n")
    }

    @Test func aMissingRequiredOptionIsAUsageError() throws {
        let cli = try cliWithCase()
        let run = try cli.run("fire C1 close --actor PC1 --role constable --data reason=x")
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: Missing expected argument '--at <time>'"))
        // --actor may be left out where a staff register names the actor; a store without one needs it
        let noActor = try cli.run("fire C1 close --at 2026-05-24T01:30:00+01:00 --role constable --data reason=x")
        #expect(noActor.status == 2)
        #expect(
            noActor.stderr == "safeguard: bad input: no actor given; expected --actor ID and --role R (or a staff register and a token: see 'safeguard init')\n"
        )
    }

    /// A copy of the shipped scripts in which `Workflows/dvpo.lua` is edited by `edit`.
    func brokenScripts(_ cli: Cli, _ edit: (String) -> String) throws -> String {
        let folder = cli.folder.appendingPathComponent("scripts")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Workflows"), withIntermediateDirectories: true)
        let original = try String(contentsOf: Cli.packageRoot.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        try edit(original).write(to: folder.appendingPathComponent("Workflows/dvpo.lua"), atomically: true, encoding: .utf8)
        return folder.path
    }

    static func line(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    @Test func aSyntaxErrorInTheWorkflowNamesItsFileAndLine() throws {
        let cli = try cliWithCase()
        var line = 0
        let scripts = try brokenScripts(cli) { text in
            line = Self.line(of: "dvpo:state(\"hearing\"", in: text)
            return text.replacingOccurrences(of: "dvpo:state(\"hearing\",", with: "dvpo:state(\"hearing\" \"oops\",")
        }
        let run = try cli.run(Cli.words(Self.openC2) + ["--scripts", scripts])
        #expect(run.status == 3)
        #expect(run.stderr == "safeguard: script error: Workflows/dvpo.lua:\(line): ')' expected near '\"oops\"'\n")
        #expect(try cli.run("list").stdout.hasPrefix("C1 "))
        #expect(try cli.run("list").stdout.split(separator: "\n").count == 1)
        // A case already open keeps its own procedure: the broken folder does not stop it.
        #expect(try cli.run(Cli.words(Self.authorise) + ["--scripts", scripts]).status == 0)
    }

    @Test func aRuntimeErrorInAGuardNamesItsFileLineAndHook() throws {
        let cli = try cliWithCase()
        var line = 0
        let scripts = try brokenScripts(cli) { text in
            let broken = text.replacingOccurrences(
                of: "if engine.age_on(case.data.perpetrator_dob, today) < 18 then",
                with: "if engine.age_on(case.data.perpetrator_dobb, today) < 18 then")
            line = Self.line(of: "case.data.perpetrator_dobb", in: broken)
            return broken
        }
        // A case opened under the broken scripts runs them.
        #expect(try cli.run(Cli.words(Self.openC2) + ["--scripts", scripts]).status == 0)
        let run = try cli.run(Cli.words(Self.authorise.replacingOccurrences(of: "fire C1", with: "fire C2")) + ["--scripts", scripts])
        #expect(run.status == 3)
        #expect(
            run.stderr
                == "safeguard: script error: Workflows/dvpo.lua:\(line): guard perpetrator_adult of authorise_notice: engine.age_on's first argument must be a date YYYY-MM-DD; got nil\n"
        )
        #expect(try cli.run("history C2").stdout.split(separator: "\n").count == 1)
    }

    @Test func theDatabaseIsReadableByItsOwnerOnly() throws {
        let cli = try cliWithCase()
        let permissions = try FileManager.default.attributesOfItem(atPath: cli.database)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}

import Foundation
import GRDB
import Testing

/// Every table the engine acts on is checked against the replayed log: a tamper with any of them
/// is named, by case where it concerns one, and verify goes on to the next.
@Suite("Golden runs: verify covers the index, the columns and the file")
struct VerifyCoverageGoldenTests {
    let base = VerifyGoldenTests()

    func verify(after sql: String) throws -> Cli.Run {
        let cli = try base.populated()
        try base.tamper(cli, sql)
        return try cli.run("verify")
    }

    @Test(arguments: [
        (
            "DELETE FROM deadline_index WHERE case_id = 'T1'",
            "case T1: the deadline index lacks its order_end deadline (or holds it altered); tick and due would miss it\n"
        ),
        (
            "UPDATE deadline_index SET due_at = '2027-01-01T00:00:00.000Z' WHERE case_id = 'T2'",
            "case T2: the deadline index lacks its hearing deadline (or holds it altered); tick and due would miss it\n"
        ),
        (
            "UPDATE case_snapshot SET state = 'expired' WHERE id = 'T1'",
            "case T1: it is not listed under its state order_in_force; the snapshot row's columns were changed behind the engine's back\n"
        ),
        (
            "UPDATE case_snapshot SET force = 'kent' WHERE id = 'T2'",
            "case T2: it is not listed under its force durham; the snapshot row's columns were changed behind the engine's back\n"
        ),
        (
            "PRAGMA foreign_keys = OFF; DELETE FROM case_snapshot WHERE id = 'T2'",
            "case T2: its events remain but its snapshot is missing; it was deleted behind the engine's back\n"
        ),
        ("DELETE FROM chain_head", "the chain's head row is missing; it was deleted behind the engine's back\n"),
        ("DROP INDEX case_snapshot_state", "the index case_snapshot_state is missing; it was dropped behind the engine's back\n"),
        (
            "UPDATE case_snapshot SET snapshot = '{not json' WHERE id = 'T2'",
            "case T2: its snapshot cannot be read; the row was changed behind the engine's back\n"
        ),
        (
            "PRAGMA foreign_keys = OFF; UPDATE case_snapshot SET id = 'T9' WHERE id = 'T2'",
            "case T9: its snapshot row holds the snapshot of another case id; the row was changed behind the engine's back\n"
        ),
        (
            "UPDATE event SET at = '10000-01-01T00:00:00Z' WHERE case_id = 'T1' AND sequence = 2",
            "case T1: cannot be replayed: "
        ),
        // A column given another type, or a NUL after its text: `list --state` and `report --force`
        // no longer select the case, so verify names it, and a value no read can take is a finding,
        // never a crash.
        (
            "UPDATE case_snapshot SET state = CAST(state AS BLOB) WHERE id = 'T1'",
            "case T1: it is not listed under its state order_in_force; the snapshot row's columns were changed behind the engine's back\n"
        ),
        (
            "UPDATE case_snapshot SET force = force || char(0) WHERE id = 'T2'",
            "case T2: it is not listed under its force durham; the snapshot row's columns were changed behind the engine's back\n"
        ),
        (
            "UPDATE event SET mac = x'00ff' WHERE case_id = 'T1' AND sequence = 2",
            "case T1, event 2 (authorise_notice): its MAC is not in the form the engine writes (a key id, then the MAC); it was written behind the engine's back\n"
        ),
        (
            "UPDATE event SET hash = x'00ff' WHERE case_id = 'T1' AND sequence = 2",
            "case T1, event 2 (authorise_notice): its contents do not match its hash; it was changed after it was recorded\n"
        ),
        (
            "UPDATE event SET sequence = 'two' WHERE case_id = 'T1' AND sequence = 2",
            "has a malformed sequence; expected a whole number); it was changed after it was recorded\n"
        ),
        (
            "UPDATE chain_head SET events = 'lots'",
            "the log ends after 8 events, but its head records -1; events were deleted from its end\n"
        ),
    ])
    func eachTamperIsNamed(sql: String, problem: String) throws {
        let run = try verify(after: sql)
        #expect(run.status == 5, "\(sql)")
        #expect(run.stdout.contains(problem), "\(sql): \(run.stdout)")
    }

    /// Two cases' state columns swapped keep the count of each state: each case is still named,
    /// the state's findings before the force's, each in the order of the value then the case, as
    /// `verify --case` names its own.
    @Test func swappedColumnsAreEachNamed() throws {
        let cli = try base.populated()
        try base.tamper(
            cli,
            """
            UPDATE case_snapshot SET state = 'notice_served' WHERE id = 'T1';
            UPDATE case_snapshot SET state = 'order_in_force', force = 'kent' WHERE id = 'T2';
            """)
        let run = try cli.run("verify")
        #expect(run.status == 5)
        let named = run.stdout.split(separator: "\n").filter { $0.contains("it is not listed under") }
        #expect(
            named == [
                "case T2: it is not listed under its state notice_served; the snapshot row's columns were changed behind the engine's back",
                "case T1: it is not listed under its state order_in_force; the snapshot row's columns were changed behind the engine's back",
                "case T2: it is not listed under its force durham; the snapshot row's columns were changed behind the engine's back",
            ], "\(run.stdout)")
        let one = try cli.run("verify --case T2")
        #expect(one.status == 5)
        #expect(one.stdout.split(separator: "\n").filter { $0.contains("it is not listed under") } == [named[0], named[2]], "\(one.stdout)")
    }

    @Test func droppedTriggersAreNamed() throws {
        // tamper() drops the event log's triggers before it runs anything
        let run = try verify(after: "SELECT 1")
        #expect(run.status == 5)
        #expect(
            run.stdout.hasPrefix(
                """
                the trigger event_append_only_update is missing; the log was made editable behind the engine's back
                the trigger event_append_only_delete is missing; the log was made editable behind the engine's back

                """))
    }
}

import Foundation
import GRDB
import Testing

/// Rows edited, deleted and reordered with plain SQL, behind the engine's back, are named by verify.
@Suite("Golden runs: safeguard verify")
struct VerifyGoldenTests {
    /// Two cases, T1 with five events and T2 with three.
    func populated() throws -> Cli {
        let cli = Cli()
        for id in ["T1", "T2"] {
            let steps = [
                "open --force durham --id \(id) --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used",
                "fire \(id) authorise_notice --at 2026-06-02T01:00:00+01:00 --actor S1 --role superintendent --data grounds=g --data victim_opinion=v --data children_welfare=c --data perpetrator_representations=none --data premises_conditions=false",
                "fire \(id) serve_notice --at 2026-06-02T09:00:00+01:00 --actor PC1 --role constable --data address_refused=true",
                "fire \(id) apply_for_order --at 2026-06-02T10:00:00+01:00 --actor PC1 --role constable --data court=Durham --data listed_for=2026-06-03T10:00:00+01:00",
                "fire \(id) grant_order --at 2026-06-03T11:00:00+01:00 --actor PC1 --role constable --data days=14",
            ]
            for step in steps.prefix(id == "T1" ? 5 : 3) { #expect(try cli.run(step).status == 0) }
        }
        return cli
    }

    /// Runs SQL on the database as someone with the file and sqlite3 would: triggers dropped first.
    func tamper(_ cli: Cli, _ sql: String) throws {
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS event_append_only_update; DROP TRIGGER IF EXISTS event_append_only_delete;")
            try db.execute(sql: sql)
        }
    }

    @Test func anIntactDatabaseVerifies() throws {
        let cli = try populated()
        let run = try cli.run("verify")
        #expect(run.status == 0)
        #expect(run.stdout == ClaimsKeysImportsGoldenTests.claimedLine + "verified 8 events in 2 cases: the chain is intact and every case replays to its snapshot\n")
    }

    @Test func anEditedEventIsNamed() throws {
        let cli = try populated()
        try tamper(cli, "UPDATE event SET data = '{\"days\":28}' WHERE case_id = 'T1' AND sequence = 5")
        let run = try cli.run("verify")
        #expect(run.status == 5)
        #expect(run.stdout.contains("case T1, event 5 (grant_order): its contents do not match its hash; it was changed after it was recorded\n"))
        #expect(
            run.stdout.contains(
                "case T1, event 5 (grant_order): replayed, it leads to order_in_force with different changes (to order_days); the log records order_in_force\n")
        )
    }

    @Test func aDeletedEventIsNamed() throws {
        let cli = try populated()
        try tamper(cli, "DELETE FROM event WHERE case_id = 'T1' AND sequence = 3")
        let run = try cli.run("verify")
        #expect(run.status == 5)
        #expect(run.stdout.contains("case T1, event 4 (apply_for_order): follows event 2 of the case; events were deleted or reordered\n"))
        #expect(run.stdout.contains("case T1, event 4 (apply_for_order): does not follow the event before it in the log"))
    }

    @Test func reorderedEventsAreNamed() throws {
        let cli = try populated()
        // T1's events are positions 1 to 5: swap its second and third.
        try tamper(
            cli,
            """
            UPDATE event SET position = -2 WHERE position = 2;
            UPDATE event SET position = 2 WHERE position = 3;
            UPDATE event SET position = 3 WHERE position = -2;
            """)
        let run = try cli.run("verify")
        #expect(run.status == 5)
        #expect(run.stdout.contains("case T1, event 3 (serve_notice): follows event 1 of the case; events were deleted or reordered\n"))
        #expect(run.stdout.contains("case T1, event 3 (serve_notice): does not follow the event before it in the log (position 2)"))
    }

    @Test func aDeletedTailAndAnEditedSnapshotAreNamed() throws {
        let cli = try populated()
        try tamper(cli, "DELETE FROM event WHERE case_id = 'T2' AND sequence = 3")
        try tamper(cli, "UPDATE case_snapshot SET snapshot = replace(snapshot, '\"state\":\"order_in_force\"', '\"state\":\"expired\"') WHERE id = 'T1'")
        let run = try cli.run("verify")
        #expect(run.status == 5)
        #expect(run.stdout.contains("the log ends after 7 events, but its head records 8; events were deleted from its end\n"))
        #expect(run.stdout.contains("case T2: the snapshot is at event 3, but the log has 2; events were deleted or the snapshot changed\n"))
        #expect(run.stdout.contains("case T1: the stored snapshot differs from its replay at state\n"))
        // One case alone.
        let one = try cli.run("verify --case T1")
        #expect(one.stdout.split(separator: "\n").first == "case T1: the stored snapshot differs from its replay at state")
    }
}

import Foundation
import Testing

/// A read command pointed at an SQLite path with no database there (a mistyped --db) is a storage
/// error that creates nothing, not an empty record; a writing command still creates the database.
@Suite("Golden runs: a read command on a missing database")
struct MissingDatabaseGoldenTests {
    @Test func everyReadCommandSaysThereIsNoDatabaseAndCreatesNothing() throws {
        let cli = Cli()
        let typo = cli.folder.appendingPathComponent("typo.sqlite").path
        for line in ["show X2", "export", "list", "verify", "history X2", "due", "report", "checkpoint", "staff list"] {
            let run = try cli.run(Cli.words(line) + ["--db", typo])
            #expect(run.status == 5, "\(line): \(run.stderr)")
            #expect(run.stdout == "", "\(line)")
            #expect(
                run.stderr
                    == "safeguard: storage error: no database at \(typo); expected the path of an existing Safeguard database (safeguard init or open creates one)\n",
                "\(line)")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("typo") }
        #expect(entries.isEmpty)
    }

    @Test func aWritingCommandStillCreatesTheDatabase() throws {
        let cli = Cli()
        let fresh = cli.folder.appendingPathComponent("fresh.sqlite").path
        let opened = try cli.run(
            Cli.words(
                "open --force essex --id E1 --at 2026-06-01T22:00:00+01:00 --actor PC1 --role constable --data perpetrator_dob=1980-01-01 --data relationship=spouse --data violence=used"
            ) + ["--db", fresh])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(FileManager.default.fileExists(atPath: fresh))
        let listed = try cli.run(["list", "--db", fresh])
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("E1  incident  dvpo  essex"))
    }
}

import Foundation
import PostgresStore
import Stores
import Testing
import WorkflowCore

/// The PostgreSQL store's own promises, beyond the contract suite: CI runs them against a real
/// server, and fails rather than skips when it has none.
@Suite struct PostgresServerTests {
    @Test func continuousIntegrationHasAPostgreSQLServer() {
        // Under CI the PostgreSQL tests must run, not quietly drop out of the contract suite.
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(TestPostgres.url != nil, "SAFEGUARD_TEST_POSTGRES is not set under CI; expected scripts/test to start a server")
        }
    }

    @Test(arguments: [
        ("postgres://", "--db names no PostgreSQL host; expected postgres://user@host:port/database"),
        ("postgres://127.0.0.1/db", "--db names no PostgreSQL user; expected postgres://user@host:port/database"),
        ("postgresql://me@127.0.0.1:5432", "--db names no PostgreSQL database; expected postgres://user@host:port/database"),
        ("postgres://me@127.0.0.1:5432/db?sslmode=sometimes", "--db has sslmode=sometimes; expected disable, prefer or require"),
        ("postgres://me@127.0.0.1:5432/db?search_path=x", "--db has an unknown parameter \"search_path\"; expected only sslmode=disable, prefer or require"),
    ])
    func aMalformedURLIsBadInput(url: String, message: String) {
        #expect(throws: WorkflowError.badInput(message)) { _ = try StoreLocation(url) }
    }

    @Test func aURLNamesTheServerAndNeverShowsThePassword() throws {
        let location = try PostgresLocation("postgresql://officer:s3cret@db.example:6543/cases?sslmode=require", environment: [:])
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.user == "officer")
        #expect(location.password == "s3cret")
        #expect(location.database == "cases")
        #expect(location.tls == .require)
        #expect(location.description == "postgres://officer@db.example:6543/cases")
        #expect(
            try StoreLocation("postgres://officer@db.example/cases")
                == .postgres(try PostgresLocation("postgres://officer@db.example:5432/cases", environment: [:])))
    }

    @Test func anUnreachableServerIsAStorageErrorWithoutThePassword() throws {
        // Port 1 on loopback: nothing listens there.
        do {
            _ = try StoreFactory.open("postgres://officer:s3cret@127.0.0.1:1/cases")
            Issue.record("expected no connection")
        } catch {
            #expect(error.kind == .storage)
            #expect(!error.message.contains("s3cret"))
            #expect(error.reason.contains("postgres://officer@127.0.0.1:1/cases"))
        }
    }

    @Test(.enabled(if: TestPostgres.url != nil)) func theEventLogRefusesUpdatesAndDeletes() throws {
        // Given a store with one event
        let url = try TestPostgres.freshDatabase()
        let store = try PostgresCaseStore(url: url)
        try store.storeProcedure(hash: "hash1", sources: [])
        _ = try store.record(caseID: "C1", eventID: nil) { current throws(WorkflowError) in
            try StoreFixtures.engine.transition(current, StoreFixtures.request("open", n: 1))
        }
        // When someone edits or deletes it behind the engine's back, Then the database refuses
        for sql in ["UPDATE event SET name = 'x'", "DELETE FROM event", "TRUNCATE event CASCADE"] {
            #expect(throws: WorkflowError.storage("could not tamper: the event log is append-only")) {
                try PostgresTestAccess.execute(sql, on: store)
            }
        }
        #expect(try store.history("C1").count == 1)
        #expect(try store.verifyChain(caseID: nil).problems.isEmpty)
    }

    @Test(.enabled(if: TestPostgres.url != nil)) func processesStartingTogetherMigrateANewDatabaseOnce() throws {
        let url = try TestPostgres.freshDatabase()
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try PostgresCaseStore(url: url) } catch { failures.append("\(error)") }
        }
        #expect(failures.all.isEmpty)
    }
}

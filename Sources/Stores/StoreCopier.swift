import Foundation
import Ledger
import Storage
import WorkflowCore

/// Copies every procedure, case, event and staff register change from one store into another, empty, store of any
/// backend (`safeguard copy --from sqlite:force.sqlite --to postgres://…`), in pages so a store of
/// any size is copied in bounded memory, then verifies both sides and compares their heads.
public enum StoreCopier {
    public struct Summary: Sendable, Equatable {
        public var procedures: Int
        public var cases: Int
        public var events: Int
        /// The chain's head hash, the same on both sides.
        public var head: String
    }

    /// `keys` are the record's keys (nil for an unkeyed record): both sides are verified under them,
    /// and the MACs are copied as they were written.
    public static func copy(from source: String, to target: String, keys: ChainKeys? = nil, pageSize: Int = 1000) throws(WorkflowError) -> Summary {
        if case .sqlite(let path) = try StoreLocation(source), !FileManager.default.fileExists(atPath: path) {
            throw .badInput("--from names no file \(path); expected an existing SQLite file or a PostgreSQL URL")
        }
        var reading = StoreOptions(access: .readOnly)
        reading.keys = keys
        var writing = StoreOptions()
        writing.keys = keys
        guard let from = try StoreFactory.open(source, options: reading) as? any LedgerTransfer,
            let to = try StoreFactory.open(target, options: writing) as? any LedgerTransfer
        else { throw .badInput("--from and --to must name SQLite files or PostgreSQL databases; expected sqlite:PATH or postgres://…") }
        let existing = try to.chainHead()
        guard existing.events == 0, existing.registerChanges == 0, try to.snapshotPage(after: nil, limit: 1).isEmpty else {
            throw .badInput("--to already holds cases (\(existing.events) events, \(existing.registerChanges) staff register changes); expected an empty store")
        }
        let damaged = try from.verifyChain(caseID: nil).problems
        guard damaged.isEmpty else {
            throw .storage(
                "--from fails verify with \(damaged.count) problem\(damaged.count == 1 ? "" : "s"), the first: \(damaged[0]); expected an intact record to copy"
            )
        }
        let hashes = try from.procedureHashes()
        for hash in hashes {
            guard let sources = try from.procedureSources(hash) else { continue }
            try to.storeProcedure(hash: hash, sources: sources)
        }
        var cases = 0, last: String? = nil
        while true {
            let page = try from.snapshotPage(after: last, limit: pageSize)
            guard let final = page.last else { break }
            try to.importSnapshots(page)
            cases += page.count
            last = final.id
        }
        let register = try from.registerChanges(force: nil)
        if !register.isEmpty { try to.importRegisterChanges(register) }
        var events = 0, position: Int64 = 0
        while true {
            let page = try from.eventPage(after: position, limit: pageSize)
            guard let final = page.last else { break }
            try to.importEvents(page.map { ($0.event, $0.mac) })
            events += page.count
            position = final.position
        }
        let (sourceHead, targetHead) = (try from.chainHead(), try to.chainHead())
        guard sourceHead == targetHead else {
            throw .storage("the copy's head \(targetHead.head.prefix(12)) differs from the source's \(sourceHead.head.prefix(12)); expected the same chain")
        }
        for (side, store) in [("--from", from), ("--to", to)] {
            let problems = try store.verifyChain(caseID: nil).problems
            guard problems.isEmpty else {
                throw .storage("verify found \(problems.count) problems in \(side) after the copy, the first: \(problems[0])")
            }
        }
        return Summary(procedures: hashes.count, cases: cases, events: events, head: targetHead.head)
    }
}

import Foundation
import GRDB
import WorkflowCore

/// Checking the log behind the engine's back: every event's hash, every link of the chain, each
/// case's sequence, the chain's head, and each snapshot's version against its events.
extension SQLiteCaseStore {
    /// How many events were checked, and each problem found, by case and event.
    public func verifyChain(caseID: String? = nil) throws(WorkflowError) -> (events: Int, problems: [String]) {
        do {
            return try writer.read { db in
                var problems: [String] = []
                var previous = ""
                var lastSequence: [String: Int] = [:]
                var count = 0
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM event ORDER BY position")
                while let row = try rows.next() {
                    count += 1
                    let position: Int64 = row["position"]
                    let rowCase: String = row["case_id"]
                    let sequence: Int = row["sequence"]
                    let name: String = row["name"]
                    let label = "case \(rowCase), event \(sequence) (\(name))"
                    let mine = caseID == nil || caseID == rowCase
                    let storedHash: String = row["hash"]
                    let storedPrevious: String = row["prev_hash"]
                    do {
                        let event = try Self.recordedEvent(row)
                        if mine, EventHash.of(event, after: storedPrevious) != storedHash {
                            problems.append("\(label): its contents do not match its hash; it was changed after it was recorded")
                        }
                    } catch {
                        if mine { problems.append("\(label): cannot be read (\(error)); it was changed after it was recorded") }
                    }
                    if mine, storedPrevious != previous {
                        problems.append("\(label): does not follow the event before it in the log (position \(position)); an event was deleted or the log reordered")
                    }
                    if mine, sequence != (lastSequence[rowCase] ?? 0) + 1 {
                        problems.append("\(label): follows event \(lastSequence[rowCase] ?? 0) of the case; events were deleted or reordered")
                    }
                    lastSequence[rowCase] = sequence
                    previous = storedHash
                }
                if caseID == nil, let head = try Row.fetchOne(db, sql: "SELECT hash, events FROM chain_head WHERE id = 1") {
                    let headHash: String = head["hash"]
                    let headCount: Int = head["events"]
                    if headHash != previous || headCount != count {
                        problems.append("the log ends after \(count) events, but its head records \(headCount); events were deleted from its end")
                    }
                }
                for row in try Row.fetchAll(db, sql: "SELECT id, version FROM case_snapshot" + (caseID == nil ? "" : " WHERE id = ?"), arguments: caseID.map { [$0] } ?? []) {
                    let id: String = row["id"]
                    let version: Int = row["version"]
                    if version != lastSequence[id] ?? 0 {
                        problems.append("case \(id): the snapshot is at event \(version), but the log has \(lastSequence[id] ?? 0); events were deleted or the snapshot changed")
                    }
                }
                return (count, problems)
            }
        } catch {
            throw StoreError.from(error, doing: "verify the event log")
        }
    }

    /// Every case's snapshot as stored, for replay to compare against.
    public func storedSnapshotText(_ id: String) throws(WorkflowError) -> String? {
        do {
            return try writer.read { try String.fetchOne($0, sql: "SELECT snapshot FROM case_snapshot WHERE id = ?", arguments: [id]) }
        } catch {
            throw StoreError.from(error, doing: "read case \(id)")
        }
    }

    /// The canonical text a snapshot is stored as, for comparing a replay with what is stored.
    public static func canonicalText(_ snapshot: CaseSnapshot) -> String { CanonicalJSON.text(CanonicalJSON.value(snapshot)) }
}

import Synchronization
import WorkflowCore

/// Snapshots this process wrote or read lately, so a case's next event need not decode its JSON
/// again. Every use checks the version in the database first, so a write by another process is
/// never missed. Bounded: past `limit` entries it starts again.
final class SnapshotCache: Sendable {
    private let snapshots = Mutex<[String: CaseSnapshot]>([:])
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    func get(_ id: String, version: Int) -> CaseSnapshot? {
        snapshots.withLock { snapshots in
            guard let snapshot = snapshots[id], snapshot.version == version else { return nil }
            return snapshot
        }
    }

    func put(_ snapshot: CaseSnapshot) {
        snapshots.withLock { snapshots in
            if snapshots.count >= limit, snapshots[snapshot.id] == nil { snapshots.removeAll(keepingCapacity: true) }
            snapshots[snapshot.id] = snapshot
        }
    }
}

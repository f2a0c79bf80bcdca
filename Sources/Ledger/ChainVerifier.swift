import WorkflowCore

/// Checks an event log behind the engine's back, whatever store holds it: every event's hash,
/// every link of the chain, each case's sequence, the chain's head, and each snapshot's version
/// against its events. Fed one row at a time, in log order, so a log of any size is checked in
/// constant memory per case.
///
///     var verifier = ChainVerifier(caseID: nil)
///     for entry in rows { verifier.check(entry) }
///     verifier.checkHead(hash: head.hash, events: head.events)
///     verifier.checkSnapshot(id: "C1", version: 4)
///     let (events, problems) = verifier.result
public struct ChainVerifier {
    /// Only this case's problems are reported; the chain is still followed through every event.
    public let caseID: String?
    /// The record's keys: every event's MAC is checked under them (nil: not checked).
    public let keys: ChainKeys?
    /// A head kept outside the database, which the log must still hold.
    public let checkpoint: Checkpoint?
    /// Which key was current when, from the rotations in the staff register's log: an event
    /// must be MAC'd under the key current at its `recordedAt`.
    public let timeline: KeyTimeline
    /// Where the key is to be found, for the finding that MACs went unchecked.
    public let keyHint: String
    /// Where an SQLite store's key file is.
    public static let keyFileBesideDatabase = "expected the store's key file (SAFEGUARD_KEY_FILE, default the database's path with .key added)"
    private var previous = ""
    private var checkpointSeen = false
    private var snapshotsSeen: Set<String> = []
    private var unkeyedMACs = false
    private var lastSequence: [String: Int] = [:]
    private var count = 0
    private var problems: [String] = []

    public init(
        caseID: String?, keys: ChainKeys? = nil, checkpoint: Checkpoint? = nil, register: [RegisterChange] = [],
        keyHint: String = keyFileBesideDatabase
    ) {
        self.timeline = KeyTimeline(register)
        self.keyHint = keyHint
        self.caseID = caseID
        self.keys = keys
        self.checkpoint = checkpoint
    }

    public mutating func check(_ entry: LedgerEntry) {
        count += 1
        var label: String { "case \(entry.caseID), event \(entry.sequence) (\(entry.name))" }
        let mine = caseID == nil || caseID == entry.caseID
        if mine {
            switch entry.event {
            case .success(let event):
                if EventHash.of(event, after: entry.previousHash) != entry.hash {
                    problems.append("\(label): its contents do not match its hash; it was changed after it was recorded")
                }
            case .failure(let error):
                problems.append("\(label): cannot be read (\(error.message)); it was changed after it was recorded")
            }
            if entry.previousHash != previous {
                problems.append(
                    "\(label): does not follow the event before it in the log (position \(entry.position)); an event was deleted or the log reordered")
            }
            if entry.sequence != (lastSequence[entry.caseID] ?? 0) + 1 {
                problems.append(
                    "\(label): follows event \(lastSequence[entry.caseID] ?? 0) of the case; events were deleted or reordered")
            }
            if let keys, let problem = keys.problem(mac: entry.mac, hash: entry.hash) {
                problems.append("\(label): \(problem)")
            } else if keys != nil, case .success(let event) = entry.event,
                let problem = timeline.problem(mac: entry.mac, recordedAt: event.recordedAt)
            {
                problems.append("\(label): \(problem)")
            }
            if keys == nil, entry.mac != nil, !unkeyedMACs {
                unkeyedMACs = true
                problems.append(
                    "the events carry MACs, but no key was given, so they were not checked; \(keyHint)"
                )
            }
        }
        lastSequence[entry.caseID] = entry.sequence
        previous = entry.hash
        if let checkpoint, count == checkpoint.events {
            checkpointSeen = true
            if entry.hash != checkpoint.head {
                problems.append(
                    "event \(count) of the log (case \(entry.caseID), event \(entry.sequence)) is not the one the checkpoint saw; the log before the checkpoint was rewritten"
                )
            }
        }
    }

    /// The head a store keeps beside the log: the latest hash and the number of events. Checked
    /// only when the whole log was read.
    public mutating func checkHead(hash: String, events: Int) {
        guard caseID == nil else { return }
        if hash != previous || events != count {
            problems.append("the log ends after \(count) events, but its head records \(events); events were deleted from its end")
        }
    }

    /// A case's snapshot against its events: its version is the number of events it has.
    public mutating func checkSnapshot(id: String, version: Int) {
        snapshotsSeen.insert(id)
        if version != lastSequence[id] ?? 0 {
            problems.append(
                "case \(id): the snapshot is at event \(version), but the log has \(lastSequence[id] ?? 0); events were deleted or the snapshot changed")
        }
    }

    /// After every snapshot was checked: each case with events must have had one.
    public mutating func checkNoSnapshotMissing() {
        for id in lastSequence.keys.sorted() where !snapshotsSeen.contains(id) && (caseID == nil || caseID == id) {
            problems.append("case \(id): its events remain but its snapshot is missing; it was deleted behind the engine's back")
        }
    }

    public var result: (events: Int, problems: [String]) {
        var problems = problems
        if let checkpoint, checkpoint.events > 0, !checkpointSeen {
            problems.append(
                "the log holds \(count) events, but the checkpoint saw \(checkpoint.events); events recorded before the checkpoint were deleted")
        }
        return (count, problems)
    }
}

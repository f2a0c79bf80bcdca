import WorkflowCore

/// Checks the staff register's log behind the engine's back: each change's hash, the chain's
/// links, and each force's sequence. Problems name the force and change, never a person's name.
public enum RegisterVerifier {
    public static func problems(_ changes: [RegisterChange], keys: ChainKeys?, checkpoint: Checkpoint? = nil) -> [String] {
        var problems: [String] = []
        var previous = ""
        var lastSequence: [String: Int] = [:]
        // Each change must be MAC'd under the key current at its place in the log: the key the
        // first rotation was MAC'd under until then, then the key each rotation names.
        let timeline = KeyTimeline(changes)
        var currentKey = timeline.rotations.first?.from
        for change in changes {
            let label = "register of \(change.force), change \(change.sequence) (\(change.kind.rawValue) \(change.entry.id))"
            if RegisterHash.of(change, after: change.previousHash) != change.hash {
                problems.append("\(label): its contents do not match its hash; it was changed after it was recorded")
            }
            if change.previousHash != previous {
                problems.append("\(label): does not follow the change before it; a change was deleted or the register reordered")
            }
            if change.sequence != (lastSequence[change.force] ?? 0) + 1 {
                problems.append("\(label): follows change \(lastSequence[change.force] ?? 0) of the force; changes were deleted or reordered")
            }
            if let keys, let problem = keys.problem(mac: change.mac, hash: change.hash) {
                problems.append("\(label): \(problem)")
            } else if keys != nil, let expected = currentKey, let used = KeyTimeline.keyID(of: change.mac), used != expected {
                problems.append(
                    "\(label): its MAC is under key \(used), but key \(expected) was current at its place in the log; it was written with a key not current then")
            }
            if change.kind == .rotateKey, let next = change.keyID { currentKey = next }
            lastSequence[change.force] = change.sequence
            previous = change.hash
        }
        if let keys, let latest = timeline.latest, keys.current.id != latest {
            problems.append(
                "the key file's current key \(keys.current.id) is not the one the last rotation recorded (\(latest)); expected keys changed only by 'safeguard key rotate'")
        }
        if let checkpoint, checkpoint.registerChanges > 0 {
            if changes.count < checkpoint.registerChanges {
                problems.append(
                    "the staff register has \(changes.count) changes, but the checkpoint saw \(checkpoint.registerChanges); changes it saw were deleted")
            } else if changes[checkpoint.registerChanges - 1].hash != checkpoint.registerHead {
                problems.append(
                    "the staff register's change \(checkpoint.registerChanges) is not the one the checkpoint saw; the register before it was rewritten")
            }
        }
        return problems
    }
}

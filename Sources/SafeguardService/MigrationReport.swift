import WorkflowCore

/// What `migrate` did, or would do, to one case.
public struct MigrationReport {
    public var snapshot: CaseSnapshot
    /// The hash of the procedure the case moves to.
    public var to: String
    /// How each pending deadline moves; empty when the migration was refused.
    public var moves: [DeadlineMigration]
    /// Why the case could not be moved (a refusal, or the script error of its force's
    /// procedure), or nil.
    public var refusal: WorkflowError?
    /// Whether it was recorded (false for a dry run or a refusal).
    public var migrated: Bool
    /// The state the case is in under the new procedure (its own, or the one `--map` gave).
    public var state: String
    /// What differs between the case's procedure and the one it moves to, one line a piece.
    public var changes: [String] = []

    public init(snapshot: CaseSnapshot, to: String, moves: [DeadlineMigration], refusal: WorkflowError?, migrated: Bool) {
        self.snapshot = snapshot
        self.to = to
        self.moves = moves
        self.refusal = refusal
        self.migrated = migrated
        self.state = snapshot.state
    }
}

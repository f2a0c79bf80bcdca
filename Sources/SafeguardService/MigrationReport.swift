import WorkflowCore

/// What `migrate` did, or would do, to one case.
public struct MigrationReport {
    public var snapshot: CaseSnapshot
    /// The hash of the procedure the case moves to.
    public var to: String
    /// How each pending deadline moves; empty when the migration was refused.
    public var moves: [DeadlineMigration]
    /// Why the case could not be moved, or nil.
    public var refusal: String?
    /// Whether it was recorded (false for a dry run or a refusal).
    public var migrated: Bool
}

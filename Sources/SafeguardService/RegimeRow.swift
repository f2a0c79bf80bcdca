import WorkflowCore

/// One row of the regime table: the workflow new cases of a force (or of one area of it) run
/// from one date to another, both London dates and both included.
public struct RegimeRow: Sendable, Hashable {
    public var force: String
    /// An area within the force (a London borough, for example); nil for the whole force.
    public var area: String?
    /// The workflow's name: `dapo`, `dvpo`, …
    public var regime: String
    public var from: LocalDate
    /// The last day; nil when the row has no end.
    public var until: LocalDate?
    /// The legislation the row follows.
    public var source: String

    public func covers(_ day: LocalDate) -> Bool {
        day >= from && (until.map { day <= $0 } ?? true)
    }

    /// `greater_manchester 2024-11-27 to 2026-03-31`
    public var span: String {
        "\(from) to \(until?.description ?? "no end")"
    }
}

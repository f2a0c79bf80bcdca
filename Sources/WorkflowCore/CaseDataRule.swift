/// Which of an event's data the case keeps, fixed when the case is opened and kept for its life,
/// so a case is always replayed under the rule it was recorded with.
public enum CaseDataRule: String, Sendable, Hashable, Codable {
    /// Engine 0.1: every event's data was merged into the case, a later event's field overwriting
    /// an earlier one's of the same name (`close`'s `reason` over `adjourn_hearing`'s).
    case mergedWhole = "merged_whole"
    /// Engine 0.2 on: each event's data stays on the event; the case keeps only the fields an event
    /// declares as case data (`case = true`, or `case_field = "name"`), and what actions record.
    case declaredOnly = "declared_only"

    /// The rule of a case opened by an engine of `version` (`EngineVersion.current` for a new case,
    /// the opening event's recorded version on replay).
    public init(engineVersion version: String) {
        self = version.isEmpty || version.hasPrefix("0.1.") ? .mergedWhole : .declaredOnly
    }
}

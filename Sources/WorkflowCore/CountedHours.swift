/// A statutory clock of N hours of counted time: real time is counted only on
/// local Europe/London days not disregarded; a start on a disregarded day counts from the next
/// counted midnight. The 48-hour hearing clock and the 24-hour production clocks are this.
public struct CountedHours: Sendable, Hashable {
    /// What to do with a day whose bank-holiday status is unsettled (Boxing Day on a Saturday).
    public enum UnsettledDays: String, Sendable, Hashable, CaseIterable {
        /// Count it: the earlier deadline, so a hearing or production that meets it meets either reading.
        case count
        case disregard
    }

    public var hours: Int
    public var disregard: Set<DayCategory>
    public var unsettledDays: UnsettledDays

    public init(hours: Int, disregard: Set<DayCategory> = Set(DayCategory.allCases), unsettledDays: UnsettledDays = .count) {
        self.hours = hours
        self.disregard = disregard
        self.unsettledDays = unsettledDays
    }
}

import Foundation

/// A computed deadline and how it was reached, day by day, so an officer can check it by hand.
public struct ClockExplanation: Sendable, Hashable {
    /// One local day the count walked through.
    public struct Day: Sendable, Hashable {
        public var date: LocalDate
        /// Seconds of real time counted on this day (0 when disregarded).
        public var counted: Int
        /// Why the day was disregarded, or nil when it counted.
        public var disregarded: String?
        /// A note an officer should see (an unsettled or provisional day).
        public var note: String?
        /// Seconds counted up to the end of this day.
        public var total: Int
    }

    public var start: Date
    public var due: Date
    public var hours: Int
    public var days: [Day]
    public var tableVersion: String
    public var tableName: String

    public var warnings: [String] { days.compactMap(\.note) }
}

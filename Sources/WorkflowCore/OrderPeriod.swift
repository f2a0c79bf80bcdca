import Foundation

/// An order's period in whole local days (CSA 2010 s.28(10)): counted from
/// and including the day it is made, ending at 23:59:59.999 London time on the last day.
/// Never 24 × N hours, which lands an hour out across a clock change.
public enum OrderPeriod {
    /// The last day the order is in force.
    public static func lastDay(madeOn: LocalDate, days: Int) -> LocalDate { madeOn.adding(days: days - 1) }

    /// The instant the order ends: the last millisecond of its last local day.
    public static func end(madeOn: LocalDate, days: Int) -> Date {
        London.startOfDay(madeOn.adding(days: days)).addingTimeInterval(-0.001)
    }
}

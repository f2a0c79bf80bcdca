/// One day of the bank-holiday table.
public struct HolidayEntry: Sendable, Hashable, Codable {
    public var date: LocalDate
    /// `bank_holiday`, `good_friday` or `christmas_day`.
    public var kind: DayCategory
    public var name: String
    /// Why it is unsettled whether the day is a bank holiday (Boxing Day on a Saturday, §9.2);
    /// each clock's `unsettled_days` setting decides whether it is counted.
    public var unsettled: String?
    /// Why the day is not yet from a published list (a year not yet proclaimed).
    public var provisional: String?
    /// Where a day the shipped table lacks was proclaimed (a London Gazette notice, say): a
    /// force's table may add days only with one (`ShippedHolidays`).
    public var source: String?
}

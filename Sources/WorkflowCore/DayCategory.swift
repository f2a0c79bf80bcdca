/// The kinds of local day a statutory clock can disregard: every Sunday,
/// Christmas Day, Good Friday, and every England-and-Wales bank holiday. Which of them a clock
/// disregards is part of its declaration (a setting, §3.2), all four by default.
public enum DayCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case sunday
    case christmasDay = "christmas_day"
    case goodFriday = "good_friday"
    case bankHoliday = "bank_holiday"
}

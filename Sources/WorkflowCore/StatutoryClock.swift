import Foundation

/// Computes counted-time deadlines, in Swift so every force shares one correct
/// implementation:
///
/// 1. take the start instant in Europe/London local time;
/// 2. walk forward one local calendar day at a time;
/// 3. on a disregarded day count none of its time; on any other day count the real elapsed time
///    (so a 23- or 25-hour day counts as it really is);
/// 4. the deadline is the instant the counted time reaches the clock's hours.
///
///     let result = try StatutoryClock.deadline(from: servedAt, rule: CountedHours(hours: 48), table: table)
///     result.due  // Wed 27 May 2026 10:00 BST for a Saturday-morning service before the spring bank holiday
public enum StatutoryClock {
    /// The longest walk before giving up: far beyond any run of disregarded days.
    static let maximumDays = 60

    public static func deadline(from start: Date, rule: CountedHours, table: HolidayTable) throws(WorkflowError) -> ClockExplanation {
        var remaining = rule.hours * 3600
        var total = 0
        var day = London.date(of: start)
        var days: [ClockExplanation.Day] = []
        for _ in 0..<maximumDays {
            let dayStart = London.startOfDay(day)
            let dayEnd = London.startOfDay(day.adding(days: 1))
            let (reason, note) = try disregard(day, rule: rule, table: table)
            if let reason {
                days.append(.init(date: day, counted: 0, disregarded: reason, note: note, total: total))
            } else {
                let from = max(start, dayStart)
                let available = Int(dayEnd.timeIntervalSince(from).rounded())
                if available >= remaining {
                    total += remaining
                    days.append(.init(date: day, counted: remaining, disregarded: nil, note: note, total: total))
                    return ClockExplanation(
                        start: start, due: from.addingTimeInterval(TimeInterval(remaining)), hours: rule.hours, days: days,
                        tableVersion: table.version, tableName: table.name)
                }
                remaining -= available
                total += available
                days.append(.init(date: day, counted: available, disregarded: nil, note: note, total: total))
            }
            day = day.adding(days: 1)
        }
        throw .badInput("no deadline within \(maximumDays) days of \(Instant.format(start)); expected a clock some of whose days count")
    }

    /// Why a day is disregarded under the rule (nil when it counts), and a note for the officer.
    static func disregard(_ day: LocalDate, rule: CountedHours, table: HolidayTable) throws(WorkflowError) -> (String?, String?) {
        let entry = try table.entry(for: day)
        let provisional = entry?.provisional.map { "\(day.spoken): \(entry!.name) is provisional. \($0)" }
        if day.isSunday, rule.disregard.contains(.sunday) {
            return ("Sunday, disregarded", provisional)
        }
        guard let entry, rule.disregard.contains(entry.kind) else { return (nil, provisional) }
        if let unsettled = entry.unsettled {
            let note = "\(day.spoken): \(unsettled)"
            switch rule.unsettledDays {
            case .count: return (nil, note + " Counted (setting unsettled_days = count), which gives the earlier deadline.")
            case .disregard: return ("\(entry.name), disregarded (setting unsettled_days = disregard)", note)
            }
        }
        return ("\(entry.name), disregarded", provisional)
    }
}

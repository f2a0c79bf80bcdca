import Foundation
import WorkflowCore

/// The figures forces report and the pilot evaluation used (domain.md §7), counted from cases'
/// histories and deadlines, for one group (all cases, a month, or a force).
struct CaseFigures {
    var counts: [String: Int] = [:]
    var distributions: [String: [String: Int]] = [:]
    var hoursToHearing: [Double] = []
    var orderDays: [Int] = []

    /// The figures in report order: name, and its value as JSON.
    static let names = [
        "notices_authorised", "notices_served", "notices_never_served", "applications", "orders_granted", "orders_refused",
        "grant_rate", "order_days", "mean_order_days", "hearings_within_deadline", "hearings_missed",
        "median_hours_service_to_hearing", "notice_breaches", "order_breaches", "orders_breached", "order_breach_rate",
        "breach_outcomes", "visits_made", "visits_scheduled", "orders_expired", "cases_closed", "close_reasons",
    ]

    mutating func count(_ figure: String, by amount: Int = 1) { counts[figure, default: 0] += amount }

    mutating func tally(_ figure: String, _ key: String) { distributions[figure, default: [:]][key, default: 0] += 1 }

    func value(_ name: String) -> Value {
        switch name {
        case "grant_rate":
            let decided = (counts["orders_granted"] ?? 0) + (counts["orders_refused"] ?? 0)
            return decided == 0 ? .null : .number(Self.percent(counts["orders_granted"] ?? 0, of: decided))
        case "order_breach_rate":
            let granted = counts["orders_granted"] ?? 0
            return granted == 0 ? .null : .number(Self.percent(counts["orders_breached"] ?? 0, of: granted))
        case "mean_order_days":
            return orderDays.isEmpty ? .null : .number((Double(orderDays.reduce(0, +)) / Double(orderDays.count) * 10).rounded() / 10)
        case "median_hours_service_to_hearing":
            guard !hoursToHearing.isEmpty else { return .null }
            let sorted = hoursToHearing.sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            return .number((median * 10).rounded() / 10)
        case "order_days", "breach_outcomes", "close_reasons":
            return .object((distributions[name] ?? [:]).mapValues { .integer($0) })
        default:
            return .integer(counts[name] ?? 0)
        }
    }

    /// A percentage to one decimal place.
    static func percent(_ part: Int, of whole: Int) -> Double { (Double(part) / Double(whole) * 1000).rounded() / 10 }
}

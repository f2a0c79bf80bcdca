import Foundation
import WorkflowCore

/// The figures counted for one group (all cases, a month, or a force): counts, tallies, and the
/// samples means and medians are taken over, by figure key (`dvpo/orders_granted`).
public struct CaseFigures {
    public var counts: [String: Int] = [:]
    public var distributions: [String: [String: Int]] = [:]
    public var samples: [String: [Double]] = [:]

    public init() {}

    mutating func count(_ figure: String, by amount: Int = 1) { counts[figure, default: 0] += amount }

    mutating func tally(_ figure: String, _ key: String) { distributions[figure, default: [:]][key, default: 0] += 1 }

    mutating func sample(_ figure: String, _ value: Double) { samples[figure, default: []].append(value) }

    /// Adds another's counts, tallies and samples (its samples after this one's).
    mutating func merge(_ other: CaseFigures) {
        counts.merge(other.counts, uniquingKeysWith: +)
        distributions.merge(other.distributions) { $0.merging($1, uniquingKeysWith: +) }
        samples.merge(other.samples) { $0 + $1 }
    }

    /// The figure's value as JSON: a whole number, a percentage or mean to one decimal place
    /// (null with nothing to take it over), or counts by value.
    public func value(_ figure: FigureDefinition) -> Value {
        switch figure.measure {
        case .rate(let part, let whole):
            let total = whole.reduce(0) { $0 + (counts[figure.key(of: $1)] ?? 0) }
            return total == 0 ? .null : .number(Self.percent(counts[figure.key(of: part)] ?? 0, of: total))
        case .mean:
            guard let values = samples[figure.key], !values.isEmpty else { return .null }
            return .number((values.reduce(0, +) / Double(values.count) * 10).rounded() / 10)
        case .medianHours:
            guard let values = samples[figure.key], !values.isEmpty else { return .null }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            return .number((median * 10).rounded() / 10)
        case .tally:
            return .object((distributions[figure.key] ?? [:]).mapValues { .integer($0) })
        case .count, .cases, .clock, .clocksMetBy:
            return .integer(counts[figure.key] ?? 0)
        }
    }

    /// A percentage to one decimal place.
    public static func percent(_ part: Int, of whole: Int) -> Double { (Double(part) / Double(whole) * 1000).rounded() / 10 }
}

import Foundation
import WorkflowCore

/// Writes a force's cases as `apply` lines, with a realistic force's profile (BENCHMARKS.md): nearly all
/// notices served and heard; about 88% of hearings granted; orders mostly of 28 days; about one in
/// five breached; a few adjourned, heard late, never served or closed; and about 1% of cases with an
/// invalid transition (a notice sought without violence, which the statute refuses). Cases start
/// across a year and their lines are interleaved in time order.
public struct CaseGenerator {
    public let cases: Int
    public let seed: UInt64
    public let force: String
    public let start: Date

    public init(cases: Int, seed: UInt64, force: String, start: Date) {
        self.cases = cases
        self.seed = seed
        self.force = force
        self.start = start
    }

    private static let relationships = [
        "spouse", "former_spouse", "cohabitant", "former_cohabitant", "intimate_relationship", "parent_of_same_child", "relative",
    ]

    /// Every line, in time order, as JSON text.
    public func lines() -> [String] {
        var random = SeededRandom(seed: seed)
        var lines: [(Date, Int, String)] = []
        var order = 0
        for index in 0..<cases {
            for (at, line) in caseLines(index, &random) {
                lines.append((at, order, line))
                order += 1
            }
        }
        return lines.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    private func caseLines(_ index: Int, _ random: inout SeededRandom) -> [(Date, String)] {
        let id = "G\(seed)-\(index)"
        var out: [(Date, String)] = []
        var sequence = 0
        func line(_ event: String, _ at: Date, _ actor: String, _ role: String, _ data: [String: Value], opening: Bool = false) {
            sequence += 1
            var object: [String: Value] = [
                "id": .string("\(id)-\(sequence)"), "case": .string(id), "event": .string(event),
                "at": .string(Instant.formatUTC(at)), "actor": .object(["id": .string(actor), "role": .string(role)]), "data": .object(data),
            ]
            if opening {
                object["workflow"] = .string(DefaultWorkflow.name)
                object["force"] = .string(force)
            }
            out.append((at, Rendering.json(.object(object))))
        }
        let incident = start.addingTimeInterval(Double.random(in: 0..<(365 * 86_400), using: &random).rounded())
        let invalid = random.chance(0.01)
        let born = 1960 + Int.random(in: 0...44, using: &random)
        line(
            "report_incident", incident, "PC\(Int.random(in: 1000...9999, using: &random))", "constable",
            [
                "perpetrator_dob": .string("\(born)-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"),
                "relationship": .string(Self.relationships.randomElement(using: &random)!),
                "violence": invalid ? "none" : (random.chance(0.7) ? "used" : "threatened"),
            ], opening: true)
        let authorised = incident.addingTimeInterval(3 * 3600)
        line(
            "authorise_notice", authorised, "SUP\(Int.random(in: 10...99, using: &random))", "superintendent",
            [
                "grounds": "violence towards the victim; risk of further harm", "victim_opinion": "recorded",
                "children_welfare": "considered", "perpetrator_representations": "none made", "premises_conditions": false,
            ])
        if invalid { return out }  // the statute refuses the notice: the case goes no further
        if random.chance(0.02) {  // never served
            if random.chance(0.5) { line("close", authorised.addingTimeInterval(3 * 86_400), "INS1", "inspector", ["reason": "perpetrator not found"]) }
            return out
        }
        let served = authorised.addingTimeInterval(Double(Int.random(in: 2...8, using: &random)) * 3600)
        line("serve_notice", served, "PC1", "constable", random.chance(0.1) ? ["address_refused": true] : ["hearing_address": "address given at service"])
        if random.chance(0.03) {  // withdrawn before the hearing
            line("close", served.addingTimeInterval(12 * 3600), "INS1", "inspector", ["reason": "application withdrawn"])
            return out
        }
        let late = random.chance(0.02)
        var hearing = served.addingTimeInterval(late ? 100 * 3600 : 22 * 3600)
        line(
            "apply_for_order", served.addingTimeInterval(2 * 3600), "PC1", "constable",
            [
                "court": "Magistrates' Court", "listed_for": .string(Instant.formatUTC(hearing)),
            ])
        if random.chance(0.05) {  // the notice is breached before the hearing
            let arrest = served.addingTimeInterval(8 * 3600)
            line("report_notice_breach", arrest, "PC2", "constable", [:])
            line(
                "record_production", min(arrest.addingTimeInterval(14 * 3600), hearing.addingTimeInterval(-600)), "PC2", "constable",
                ["court": "Magistrates' Court"])
        }
        if random.chance(0.02) {  // adjourned
            let relisted = hearing.addingTimeInterval(86_400)
            line("adjourn_hearing", hearing, "PC1", "constable", ["listed_for": .string(Instant.formatUTC(relisted)), "reason": "bench unavailable"])
            hearing = relisted
        }
        guard random.chance(0.88) else {
            line("refuse_order", hearing, "PC1", "constable", ["reason": "not satisfied that an order is necessary"])
            return out
        }
        let days = random.chance(0.7) ? 28 : (random.chance(0.67) ? 14 : 21)
        line("grant_order", hearing, "PC1", "constable", ["days": .integer(days)])
        let end = OrderPeriod.end(madeOn: London.date(of: hearing), days: days)
        var now = hearing
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            now = now.addingTimeInterval(Double(Int.random(in: 2...5, using: &random)) * 86_400)
            if now < end { line("record_visit", now, "PC3", "constable", ["outcome": "victim seen; safety plan reviewed"]) }
        }
        if random.chance(0.2) {
            let arrest = now.addingTimeInterval(86_400)
            if arrest.addingTimeInterval(20 * 3600) < end {
                line("report_breach", arrest, "PC4", "constable", [:])
                let results: [Value] = ["fined", "fined", "committed", "not_proved", "no_penalty"]
                line("breach_outcome", arrest.addingTimeInterval(18 * 3600), "PC4", "constable", ["result": results.randomElement(using: &random)!])
            }
        }
        line("expire_order", end.addingTimeInterval(6 * 3600), "PC1", "constable", [:])
        return out
    }
}

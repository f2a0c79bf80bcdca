import Foundation
import WorkflowCore

/// Counts `CaseFigures` from cases, grouped, within a period: each event counts in the group of
/// its own London month (or its case's force), each deadline in that of its start.
struct FigureCounter {
    enum Grouping: String {
        case all, month, force
    }

    let grouping: Grouping
    let from: LocalDate?
    let to: LocalDate?
    /// For each case, the clocks its procedure meets with `record_visit` (a visit schedule).
    let visitClocks: (CaseSnapshot) -> Set<String>
    private(set) var groups: [String: CaseFigures] = [:]

    init(grouping: Grouping, from: LocalDate?, to: LocalDate?, visitClocks: @escaping (CaseSnapshot) -> Set<String>) {
        self.grouping = grouping
        self.from = from
        self.to = to
        self.visitClocks = visitClocks
    }

    private func key(_ date: Date, _ snapshot: CaseSnapshot) -> String? {
        let day = London.date(of: date)
        if let from, day < from { return nil }
        if let to, day > to { return nil }
        switch grouping {
        case .all: return "all"
        case .month: return String(day.description.prefix(7))
        case .force: return snapshot.force
        }
    }

    private mutating func update(_ date: Date, _ snapshot: CaseSnapshot, _ change: (inout CaseFigures) -> Void) {
        guard let key = key(date, snapshot) else { return }
        change(&groups[key, default: CaseFigures()])
    }

    mutating func add(_ snapshot: CaseSnapshot, events: [RecordedEvent]) {
        var served = false
        var authorisedAt: Date?
        var breached = false
        var grantedAt: Date?
        for event in events {
            switch event.event {
            case "authorise_notice":
                authorisedAt = event.at
                update(event.at, snapshot) { $0.count("notices_authorised") }
            case "serve_notice":
                served = true
                update(event.at, snapshot) { $0.count("notices_served") }
            case "apply_for_order": update(event.at, snapshot) { $0.count("applications") }
            case "grant_order":
                grantedAt = event.at
                let days = event.data["days"]?.integerValue ?? 0
                update(event.at, snapshot) {
                    $0.count("orders_granted")
                    $0.tally("order_days", String(days))
                    $0.orderDays.append(days)
                }
            case "refuse_order": update(event.at, snapshot) { $0.count("orders_refused") }
            case "report_notice_breach": update(event.at, snapshot) { $0.count("notice_breaches") }
            case "report_breach":
                breached = true
                update(event.at, snapshot) { $0.count("order_breaches") }
            case "breach_outcome":
                update(event.at, snapshot) { $0.tally("breach_outcomes", event.data["result"]?.stringValue ?? "unknown") }
            case "record_visit": update(event.at, snapshot) { $0.count("visits_made") }
            case "expire_order": update(event.at, snapshot) { $0.count("orders_expired") }
            case "close":
                update(event.at, snapshot) {
                    $0.count("cases_closed")
                    $0.tally("close_reasons", event.data["reason"]?.stringValue ?? "unknown")
                }
            default: break
            }
        }
        if let authorisedAt, !served { update(authorisedAt, snapshot) { $0.count("notices_never_served") } }
        // A case breached under its order counts once, in the group its order was granted in.
        if let grantedAt, breached { update(grantedAt, snapshot) { $0.count("orders_breached") } }
        let visits = visitClocks(snapshot)
        for deadline in snapshot.deadlines {
            if deadline.clock == "hearing", deadline.status == .met || deadline.status == .missed {
                update(deadline.startedAt, snapshot) {
                    $0.count(deadline.status == .met ? "hearings_within_deadline" : "hearings_missed")
                    // Hours to a hearing that happened: not to tick's record of a miss, nor to a close.
                    if let settled = deadline.settledAt, deadline.settledBy != "record_missed_deadline", deadline.settledBy != "close" {
                        $0.hoursToHearing.append(settled.timeIntervalSince(deadline.startedAt) / 3600)
                    }
                }
            }
            if visits.contains(deadline.clock) { update(deadline.startedAt, snapshot) { $0.count("visits_scheduled") } }
        }
    }
}

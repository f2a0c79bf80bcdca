import Foundation
import WorkflowCore

/// Counts the figures each case's workflow declares, grouped, within a period: each event counts
/// in the group of its own London month (or its case's force), each deadline in that of its start.
public struct FigureCounter {
    public enum Grouping: String, Sendable {
        case all, month, force
    }

    let grouping: Grouping
    let from: LocalDate?
    let to: LocalDate?
    public private(set) var groups: [String: CaseFigures] = [:]

    public init(grouping: Grouping, from: LocalDate?, to: LocalDate?) {
        self.grouping = grouping
        self.from = from
        self.to = to
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

    /// Adds what another counter counted, as if its cases had been counted here after this one's.
    public mutating func merge(_ other: FigureCounter) {
        for (key, figures) in other.groups { groups[key, default: CaseFigures()].merge(figures) }
    }

    /// Counts one case under `workflow`, the definition whose figures and clocks apply to it.
    /// Voided events and the voids themselves are left out, as replay and verify leave them out,
    /// and an event's field counts at its corrected value when `correct_record` corrected it.
    public mutating func add(_ snapshot: CaseSnapshot, events recorded: [RecordedEvent], workflow: WorkflowDefinition) {
        let events = Self.inForce(recorded, workflow: workflow)
        for figure in workflow.figures {
            let name = figure.declared(by: workflow.name).key
            switch figure.measure {
            case .count(let event):
                for recorded in events where recorded.event == event { update(recorded.at, snapshot) { $0.count(name) } }
            case .cases(let event, let other, let present):
                // Once a case, in the group of the event's last time.
                guard let last = events.last(where: { $0.event == event }) else { continue }
                if events.contains(where: { $0.event == other }) == present { update(last.at, snapshot) { $0.count(name) } }
            case .tally(let event, let field):
                for recorded in events where recorded.event == event {
                    let value = recorded.data[field]
                    let key = value?.stringValue ?? value?.integerValue.map(String.init) ?? "unknown"
                    update(recorded.at, snapshot) { $0.tally(name, key) }
                }
            case .mean(let event, let field):
                for recorded in events where recorded.event == event {
                    let value = Double(recorded.data[field]?.integerValue ?? 0)
                    update(recorded.at, snapshot) { $0.sample(name, value) }
                }
            case .clock(let clock, let status):
                for deadline in snapshot.deadlines where deadline.clock == clock && deadline.status == status {
                    update(deadline.startedAt, snapshot) { $0.count(name) }
                }
            case .medianHours(let clock):
                let missedEvent = workflow.clock(named: clock)?.onMissed
                for deadline in snapshot.deadlines where deadline.clock == clock && (deadline.status == .met || deadline.status == .missed) {
                    // Hours to what met or ended the clock: not to tick's record of a miss, nor to a case
                    // closed before it (the case ended; nothing was heard).
                    guard let settled = deadline.settledAt, deadline.settledBy != missedEvent,
                        workflow.event(named: deadline.settledBy ?? "")?.target.map({ workflow.state(named: $0)?.isFinal != true }) ?? true
                    else { continue }
                    update(deadline.startedAt, snapshot) { $0.sample(name, settled.timeIntervalSince(deadline.startedAt) / 3600) }
                }
            case .clocksMetBy(let event, let status):
                let clocks = Set(workflow.clocks.filter { $0.metBy.contains(event) }.map(\.name))
                // Each visit once: several clocks met by one event are one visit, and a clock
                // started where the event could not be recorded (a visit before any order) is no
                // visit scheduled.
                var metAt: Set<Date> = []
                for deadline in snapshot.deadlines where clocks.contains(deadline.clock) && (status == nil || deadline.status == status) {
                    let state = events.last { $0.at <= deadline.startedAt }?.to
                    guard let state, workflow.events(allowedIn: state).contains(where: { $0.name == event }) else { continue }
                    if deadline.status == .met, let settled = deadline.settledAt, !metAt.insert(settled).inserted { continue }
                    update(deadline.startedAt, snapshot) { $0.count(name) }
                }
            case .rate:
                continue
            }
        }
    }

    /// The events still in force (neither voided nor a void), each with the data later corrections
    /// set: a correction amends the field of the latest earlier event that took it, by its own name
    /// or the name it has on the case.
    static func inForce(_ events: [RecordedEvent], workflow: WorkflowDefinition) -> [RecordedEvent] {
        let voided = Casework.voidedSequences(events)
        var kept = events.filter { $0.event != Casework.voidEvent && !voided.contains($0.sequence) }
        for index in kept.indices where workflow.event(named: kept[index].event)?.corrects == true {
            let data = kept[index].data
            guard let field = data[TransitionEngine.correctedFieldKey]?.stringValue, let value = data[TransitionEngine.correctedValueKey] else { continue }
            for earlier in kept[..<index].indices.reversed() {
                guard let definition = workflow.event(named: kept[earlier].event), !definition.corrects,
                    let spec = definition.fields.first(where: { ($0.name == field || $0.caseField == field) && kept[earlier].data[$0.name] != nil })
                else { continue }
                if let accepted = spec.type.accept(value) { kept[earlier].data[spec.name] = accepted }
                break
            }
        }
        return kept
    }
}

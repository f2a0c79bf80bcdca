import Foundation

/// A case entering a state, as the statutory floor sees it: the case before and after, who did
/// it and when.
public struct StatutoryEntry: Sendable {
    public let before: CaseSnapshot
    public let after: CaseSnapshot
    public let actor: Actor
    public let at: Date
    /// The data of the event entering the state: a case that keeps event data apart
    /// (`CaseDataRule.declaredOnly`) holds the mandatory considerations on the event only.
    public let eventData: [String: Value]

    public init(before: CaseSnapshot, after: CaseSnapshot, actor: Actor, at: Date, eventData: [String: Value] = [:]) {
        self.before = before
        self.after = after
        self.actor = actor
        self.at = at
        self.eventData = eventData
    }

    /// `field` as the event gave it, or as the case holds it after the transition.
    public func value(_ field: String) -> Value? { eventData[field] ?? after.data[field] }

    /// The actor's rank, or nil for a staff role or the engine.
    public var rank: Rank? { Rank(name: actor.role) }

    /// Whether the event, or the case after the transition, holds non-empty text for `field`.
    public func hasText(_ field: String) -> Bool {
        // Some character not a space or tab: what trimming `.whitespaces` leaves, without building the trimmed copy.
        if case .string(let text) = value(field) { return text.unicodeScalars.contains { !CharacterSet.whitespaces.contains($0) } }
        return false
    }
}

import Foundation

/// A case entering a state, as the statutory floor sees it: the case before and after, who did
/// it and when.
public struct StatutoryEntry: Sendable {
    public let before: CaseSnapshot
    public let after: CaseSnapshot
    public let actor: Actor
    public let at: Date

    public init(before: CaseSnapshot, after: CaseSnapshot, actor: Actor, at: Date) {
        self.before = before
        self.after = after
        self.actor = actor
        self.at = at
    }

    /// The actor's rank, or nil for a staff role or the engine.
    public var rank: Rank? { Rank(name: actor.role) }

    /// Whether the case after the transition holds non-empty text for `field`.
    public func hasText(_ field: String) -> Bool {
        // Some character not a space or tab: what trimming `.whitespaces` leaves, without building the trimmed copy.
        if case .string(let text) = after.data[field] { return text.unicodeScalars.contains { !CharacterSet.whitespaces.contains($0) } }
        return false
    }
}

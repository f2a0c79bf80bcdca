/// What a store did with a transition.
public enum RecordOutcome: Sendable, Hashable {
    /// Appended as this event, leaving the case as this snapshot.
    case recorded(RecordedEvent, CaseSnapshot)
    /// The request's event id was already recorded; nothing changed.
    case alreadyRecorded(RecordedEvent)
}

/// The version of the engine that decided an event, recorded on every event. 0.2.0 keeps each
/// event's data on the event and only declared case data on the case (`CaseDataRule`).
public enum EngineVersion {
    public static let current = "0.2.0"
}

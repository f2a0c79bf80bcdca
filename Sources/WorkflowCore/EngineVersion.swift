/// The version of the engine that decided an event, recorded on every event.
public enum EngineVersion {
    public static let current = "0.1.0"
}

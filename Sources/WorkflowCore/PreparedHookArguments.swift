/// A hook runtime's arguments for one transition, made on its first hook call and reused by the
/// rest (see `HookContext.prepared`). The runtime decides what it keeps; the core never reads it.
/// Used by one thread at a time, like the transition it belongs to.
public final class PreparedHookArguments: @unchecked Sendable {
    public var value: Any?

    public init() {}
}

/// A named step run when an event is allowed. It proposes changes to the case's data; the core
/// checks them and applies them with the rest of the transition, or not at all.
public struct Action {
    public var name: String
    public var location: SourceLocation
    public var propose: (HookContext) -> Result<[String: Value], ScriptFailure>

    public init(
        name: String, location: SourceLocation,
        propose: @escaping (HookContext) -> Result<[String: Value], ScriptFailure>
    ) {
        self.name = name
        self.location = location
        self.propose = propose
    }
}

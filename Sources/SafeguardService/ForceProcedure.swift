import WorkflowCore

/// One force as `safeguard forces` lists it: the hash over its whole procedure and the plugins
/// layered on for it, or, when its scripts fail to load, the error (with its `file:line`).
public struct ForceProcedure: Sendable {
    public var force: String
    /// The hash over the force's whole procedure; nil when it did not load.
    public var hash: String?
    /// The plugins layered on the national procedure for the force, in layering order.
    public var plugins: [PluginInfo]
    /// Why the force's procedure did not load, or nil.
    public var failure: WorkflowError?

    public init(force: String, hash: String?, plugins: [PluginInfo], failure: WorkflowError? = nil) {
        self.force = force
        self.hash = hash
        self.plugins = plugins
        self.failure = failure
    }
}

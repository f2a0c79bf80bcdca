/// The budgets every interpreter runs under (design.md, the Lua contract).
public struct SandboxLimits: Sendable, Hashable {
    /// Lua VM instructions one hook call may run before it is stopped.
    public var instructionsPerCall: Int
    /// Bytes the whole interpreter may hold.
    public var memoryBytes: Int

    public init(instructionsPerCall: Int = 1_000_000, memoryBytes: Int = 64 << 20) {
        self.instructionsPerCall = instructionsPerCall
        self.memoryBytes = memoryBytes
    }

    public static let standard = SandboxLimits()
}

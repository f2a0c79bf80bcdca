/// The budgets every interpreter runs under (design.md, the Lua contract).
public struct SandboxLimits: Sendable, Hashable {
    /// Lua VM instructions one hook call may run before it is stopped; work inside the string and
    /// table library functions is charged against it too.
    public var instructionsPerCall: Int
    /// Bytes the whole interpreter may hold.
    public var memoryBytes: Int
    /// The last resort: a call still running after this many milliseconds is stopped, whatever its
    /// instruction count, and the transition abandoned.
    public var wallClockMilliseconds: Int
    /// The most case and event data one hook call is given, and the most it may return, in bytes.
    public var hookDataBytes: Int

    public init(instructionsPerCall: Int = 1_000_000, memoryBytes: Int = 64 << 20, wallClockMilliseconds: Int = 2_000, hookDataBytes: Int = 4 << 20) {
        self.instructionsPerCall = instructionsPerCall
        self.memoryBytes = memoryBytes
        self.wallClockMilliseconds = wallClockMilliseconds
        self.hookDataBytes = hookDataBytes
    }

    public static let standard = SandboxLimits()
}

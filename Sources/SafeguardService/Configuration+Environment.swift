import Foundation
import WorkflowCore
import WorkflowLua

extension Configuration {
    /// A configuration from explicit settings (flags), falling back to the environment
    /// (`SAFEGUARD_DB`, `SAFEGUARD_SCRIPTS`, `SAFEGUARD_LUA_INSTRUCTIONS`, `SAFEGUARD_LUA_MEMORY_MB`,
    /// `SAFEGUARD_FUTURE_MINUTES`), then to the defaults.
    /// - Throws: `badInput` when a budget in the environment is not a whole number above 0.
    public init(
        db: String?, scripts: String?, luaInstructions: Int?, luaMemoryMB: Int?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkflowError) {
        func setting(_ flag: Int?, _ variable: String, _ fallback: Int) throws(WorkflowError) -> Int {
            if let flag { return flag }
            guard let text = environment[variable] else { return fallback }
            guard let value = Int(text), value > 0 else {
                throw .badInput("\(variable) is \"\(text)\"; expected a whole number above 0")
            }
            return value
        }
        let instructions = try setting(luaInstructions, "SAFEGUARD_LUA_INSTRUCTIONS", SandboxLimits.standard.instructionsPerCall)
        let megabytes = try setting(luaMemoryMB, "SAFEGUARD_LUA_MEMORY_MB", SandboxLimits.standard.memoryBytes >> 20)
        guard instructions > 0, megabytes > 0 else { throw .badInput("--lua-instructions and --lua-memory-mb must be above 0") }
        self.init(
            storeURL: db ?? environment["SAFEGUARD_DB"] ?? Self.defaultStoreURL,
            scripts: scripts ?? environment["SAFEGUARD_SCRIPTS"],
            limits: SandboxLimits(instructionsPerCall: instructions, memoryBytes: megabytes << 20))
        if let text = environment["SAFEGUARD_FUTURE_MINUTES"] {
            guard let minutes = Int(text), minutes >= 0 else {
                throw .badInput("SAFEGUARD_FUTURE_MINUTES is \"\(text)\"; expected a whole number of minutes, 0 or more")
            }
            futureTolerance = TimeInterval(minutes * 60)
        }
    }
}

import Foundation
import Storage
import WorkflowCore
import WorkflowLua

extension Configuration {
    /// A configuration from explicit settings (flags), falling back to the environment
    /// (`SAFEGUARD_DB`, `SAFEGUARD_SCRIPTS`, `SAFEGUARD_LUA_INSTRUCTIONS`, `SAFEGUARD_LUA_MEMORY_MB`,
    /// `SAFEGUARD_BUSY_TIMEOUT`, `SAFEGUARD_DURABILITY`, `SAFEGUARD_FUTURE_MINUTES`, `SAFEGUARD_TOKEN_FILE`,
    /// `SAFEGUARD_TOKEN`, `SAFEGUARD_KEY_FILE`), then to the defaults.
    /// - Throws: `badInput` when a budget in the environment is not a whole number above 0, or a
    ///   store setting is not one it knows.
    public init(
        db: String?, scripts: String?, luaInstructions: Int?, luaMemoryMB: Int?, busyTimeout: Double? = nil,
        durability: String? = nil, tokenFile: String? = nil, keyFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
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
        var store = StoreOptions()
        if let text = busyTimeout.map({ String($0) }) ?? environment["SAFEGUARD_BUSY_TIMEOUT"] {
            guard let seconds = Double(text), seconds >= 0, seconds <= 3600 else {
                throw .badInput("the busy timeout is \"\(text.prefix(20))\"; expected seconds from 0 to 3600")
            }
            store.busyTimeout = seconds
        }
        if let text = durability ?? environment["SAFEGUARD_DURABILITY"] {
            guard let chosen = StoreOptions.Durability(rawValue: text) else {
                throw .badInput("the durability is \"\(text.prefix(20))\"; expected full or normal")
            }
            store.durability = chosen
        }
        self.init(
            storeURL: db ?? environment["SAFEGUARD_DB"] ?? Self.defaultStoreURL,
            scripts: scripts ?? environment["SAFEGUARD_SCRIPTS"],
            limits: SandboxLimits(instructionsPerCall: instructions, memoryBytes: megabytes << 20), store: store,
            token: try Credential.read(file: tokenFile ?? environment["SAFEGUARD_TOKEN_FILE"], environment: environment))
        self.keyFile = keyFile ?? environment["SAFEGUARD_KEY_FILE"]
        if let text = environment["SAFEGUARD_FUTURE_MINUTES"] {
            guard let minutes = Int(text), minutes >= 0, minutes <= Self.maximumFutureMinutes else {
                throw .badInput(
                    "SAFEGUARD_FUTURE_MINUTES is \"\(text.prefix(20))\"; expected a whole number of minutes from 0 to \(Self.maximumFutureMinutes) (a clock further ahead would let tick expire orders early)"
                )
            }
            futureTolerance = TimeInterval(minutes * 60)
        }
    }
}

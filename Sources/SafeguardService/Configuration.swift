import Foundation
import Storage
import WorkflowCore
import WorkflowLua

/// Everything the application layer needs to know about where it runs: the store, the scripts,
/// the sandbox's budgets and the clock. A plain value; front ends build it from their own flags.
///
///     let casework = try Casework(Configuration(storeURL: ":memory:", scripts: "./scripts"))
public struct Configuration: Sendable {
    /// Where cases are stored: a path, `sqlite:PATH`, or `:memory:`.
    public var storeURL: String
    /// The scripts folder named by the user; nil for the scripts shipped with the tool.
    public var scripts: String?
    /// The budgets every Lua hook call and interpreter runs under.
    public var limits: SandboxLimits
    /// The time "now" means, where a command is not told a time.
    public var clock: @Sendable () -> Date
    /// How the store is opened: busy timeout and durability (each command chooses read-only or not).
    public var store: StoreOptions
    /// How far ahead of `clock` an event opened or fired by a person may be dated: a time further
    /// ahead is a typo (in the year, say) that would otherwise lock the case, and is refused.
    public var futureTolerance: TimeInterval = Configuration.defaultFutureTolerance

    public static let defaultFutureTolerance: TimeInterval = 5 * 60
    /// The most `SAFEGUARD_FUTURE_MINUTES` may be: a clock further ahead than this could expire
    /// orders and record deadlines missed early through `tick`.
    public static let maximumFutureMinutes = 60
    /// The personal token of whoever runs the command (see `Credential`); nil when none was given.
    public var token: String?
    /// The record's key file; nil for the default, the database's path with `.key` added (see `KeyFile`).
    public var keyFile: String?

    public static let defaultStoreURL = "./safeguard.sqlite"

    public init(
        storeURL: String = Configuration.defaultStoreURL, scripts: String? = nil, limits: SandboxLimits = .standard,
        store: StoreOptions = StoreOptions(), token: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.token = token
        self.storeURL = storeURL
        self.scripts = scripts
        self.limits = limits
        self.store = store
        self.clock = clock
    }

    /// The scripts folder: the one named, else the shipped one.
    public func scriptFolder() throws(WorkflowError) -> URL {
        try ScriptLocator.locate(explicit: scripts)
    }
}

import Foundation

/// How `safeguard serve` listens and works.
public struct ServerOptions: Sendable {
    /// The address to listen on; `127.0.0.1` by default: TLS and exposure belong to a reverse proxy.
    public var host: String
    public var port: Int
    /// Worker threads for case work (each with its own Lua interpreters).
    public var workers: Int
    /// How often the engine's clock fires what is due; nil for never (tests).
    public var tickInterval: Duration?
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client (see `ClientAddress`).
    public var trustedProxies: Set<String>

    public init(
        host: String = "127.0.0.1", port: Int = 8080, workers: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
        tickInterval: Duration? = .seconds(60), trustedProxies: Set<String> = []
    ) {
        self.host = host
        self.port = port
        self.workers = workers
        self.tickInterval = tickInterval
        self.trustedProxies = trustedProxies
    }
}

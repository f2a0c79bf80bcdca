import Foundation
import Hummingbird
import NIOCore
import Logging
import SafeguardService
import ServiceLifecycle
import WorkflowCore

/// `safeguard serve`: the JSON API, the OpenAPI document, the pages and the engine's clock, over
/// one store shared by a pool of workers. Runs until SIGTERM or SIGINT, then finishes the requests
/// in flight and stops.
///
///     let server = try SafeguardServer(configuration, options: ServerOptions(port: 8080))
///     try await server.run()
public struct SafeguardServer: Sendable {
    public let pool: CaseworkPool
    public let options: ServerOptions
    let configuration: Configuration
    let authenticator: RegisterAuthenticator
    public let lockout: BadTokenLockout
    let sessions = SessionStore()
    let logger: Logger

    /// Opens the store with its record keys and checks, before listening, that the scripts load and
    /// that the store keeps a staff register: who may act is always the register's answer, so a
    /// server never takes an identity a request claims.
    /// - Throws: `badInput` for a store without a staff register (or none at all yet), whatever the
    ///   scripts or the store's opening throw.
    public init(_ configuration: Configuration, options: ServerOptions, lockout: BadTokenLockout = BadTokenLockout(), logger: Logger = ServerLogHandler.logger()) throws(WorkflowError) {
        // The scripts are checked before listening, so a broken folder stops the start, not a request.
        _ = try Casework.loadProcedure(configuration, force: nil)
        let noRegister = WorkflowError.badInput(
            "this store keeps no staff register, and a server takes no claimed identities; expected a store set up with 'safeguard init --force F --admin ID --name N --from T --token-out FILE', its people added with 'safeguard staff add' and given tokens with 'safeguard staff token'"
        )
        // Looked at read-only first, so a mistyped --db creates nothing.
        guard !Casework.namesMissingDatabase(configuration), !(try Casework(configuration, access: .readOnly).staffRegister().isEmpty) else {
            throw noRegister
        }
        var configuration = configuration
        configuration.token = nil
        let first = try Casework(configuration)
        self.configuration = configuration
        self.options = options
        self.lockout = lockout
        self.logger = logger
        pool = CaseworkPool(sharing: first, workers: options.workers)
        authenticator = RegisterAuthenticator(pool: pool)
    }

    /// The router: open routes (health, OpenAPI, sign-in), the API behind bearer tokens, the pages
    /// behind a session.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ProblemMiddleware())
        router.get("/health") { _, _ in JSONResponse.make(.object(["status": "ok", "engine": .string(EngineVersion.current)])) }
        router.head("/health") { _, _ in Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"]) }
        router.get("/openapi.json") { _, _ in JSONResponse.make(text: OpenAPIDocument.json) }
        let clock = configuration.clock
        let clients = ClientAddress(trustedProxies: options.trustedProxies)
        SignInRoutes(authenticator: authenticator, lockout: lockout, clients: clients, sessions: sessions, clock: clock, logger: logger).add(to: router)
        PageRoutes(pool: pool, authenticator: authenticator, sessions: sessions, clock: clock).add(to: router)
        let api = router.group().add(middleware: BearerAuthentication(authenticator: authenticator, lockout: lockout, clients: clients, clock: clock, logger: logger))
        APIRoutes(pool: pool, clock: clock).add(to: api)
        AdminRoutes(configuration: configuration, pool: pool).add(to: api)
        return router
    }

    /// The Hummingbird application, with the engine's clock as a service beside it.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var services: [any Service] = []
        if let interval = options.tickInterval {
            services.append(ClockTimer(pool: pool, interval: interval, clock: configuration.clock, logger: logger))
        }
        return Application(
            router: router(), configuration: .init(address: .hostname(options.host, port: options.port), serverName: "safeguard"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onServerRunning: onServerRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

import Hummingbird
import NIOCore

/// The request context of `safeguard serve`: the connection's remote address (for locking out
/// repeated bad tokens) and, once authenticated, the person making the request.
public struct ServerContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by `BearerAuthentication` or the page session; nil until then.
    public var person: AuthenticatedPerson?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Uploads (`apply`) may be larger than the default 2 MiB when decoded whole; `apply` streams.
    public var maxUploadSize: Int { 1 << 20 }

    /// The remote host, without its port: what lockouts are counted by.
    var client: String { remoteAddress?.ipAddress ?? "unknown" }
}

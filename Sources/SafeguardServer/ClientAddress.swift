import Hummingbird
import NIOCore

/// The address a request came from, which repeated bad tokens are counted by. Behind a reverse
/// proxy every connection comes from the proxy, so one person's guessing would lock everybody out;
/// for a proxy named as trusted (`--trusted-proxy`), the client is the last address in its
/// `X-Forwarded-For` (the one the proxy itself appended). The header is ignored from anyone else,
/// so a client cannot choose whom its bad tokens are counted against; a value that is not an IP
/// address is counted against the proxy (the lockout's table is bounded, see `BadTokenLockout`).
struct ClientAddress: Sendable {
    let trustedProxies: Set<String>

    func of(_ request: Request, _ context: ServerContext) -> String {
        let connection = context.client
        guard trustedProxies.contains(connection), let forwarded = request.headers[.xForwardedFor] else { return connection }
        let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        // Only an IP address counts; anything else is counted against the proxy itself.
        guard let address = try? SocketAddress(ipAddress: last, port: 0), let ip = address.ipAddress else { return connection }
        return ip
    }
}

import Foundation
import Hummingbird
import Logging
import WorkflowCore

/// Lets through only requests with `Authorization: Bearer TOKEN` for a person the staff register
/// knows, and puts that person into the context. A client that sends `limit` bad tokens is locked
/// out (429) for the lockout's window; the token itself is never logged or echoed.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = ServerContext
    let authenticator: RegisterAuthenticator
    let lockout: BadTokenLockout
    let clients: ClientAddress
    let clock: @Sendable () -> Date
    let logger: Logger

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let now = clock()
        let client = clients.of(request, context)
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            if lockout.isLocked(client, at: now) { throw Self.lockedOut(lockout) }
            throw Problem.unauthorised("no bearer token; expected the header Authorization: Bearer YOUR-PERSONAL-TOKEN")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        var context = context
        do throws(WorkflowError) {
            // A valid token is accepted even from a locked-out address: the lockout refuses unknown tokens only.
            context.person = try await authenticator.authenticate(bearer: token)
        } catch where error.kind == .refused {
            try Self.badToken(client, at: now, lockout: lockout, logger: logger)
            throw Problem.unauthorised(error.message)
        } catch {
            // The register could not be read or failed its check: the server's fault, not a bad token.
            throw Problem(error)
        }
        return try await next(request, context)
    }

    /// Counts and logs an unknown token (never its text): 429 if the client is locked out already.
    static func badToken(_ client: String, at now: Date, lockout: BadTokenLockout, logger: Logger) throws(Problem) {
        if lockout.isLocked(client, at: now) {
            logger.warning("unknown token from a locked-out client", metadata: ["client": "\(client)", "event": "bad_token"])
            throw lockedOut(lockout)
        }
        logger.warning("unknown token", metadata: ["client": "\(client)", "event": "bad_token"])
        if lockout.recordFailure(client, at: now) {
            logger.warning("client locked out", metadata: ["client": "\(client)", "event": "lockout", "minutes": "\(Int(lockout.window / 60))"])
        }
    }

    static func lockedOut(_ lockout: BadTokenLockout) -> Problem {
        var problem = Problem(
            status: .tooManyRequests, kind: "locked out",
            detail: "too many bad tokens from this address; expected a valid token after \(Int(lockout.window / 60)) minutes")
        problem.headers[.retryAfter] = String(Int(lockout.window))
        return problem
    }
}

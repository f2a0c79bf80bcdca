import Crypto
import Foundation
import Hummingbird

/// Headers on every answer that keep a browser from misusing the pages: a content security policy
/// allowing only the pages' own stylesheet (by its hash; the pages have no script), no framing, no
/// content sniffing and no referrer.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ServerContext

    static let contentSecurityPolicy: String = {
        let hash = Data(SHA256.hash(data: Data(HTML.style.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }()

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

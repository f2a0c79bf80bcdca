import Hummingbird
import WorkflowCore

/// Turns every error a route throws into RFC 9457 problem details: a `WorkflowError` by its kind,
/// Hummingbird's own (no such route, a body too large) by its status.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WorkflowError {
            if error.kind == .script || error.kind == .storage {
                // Its location and kind only: a script's message may quote case data.
                context.logger.error(
                    "request failed", metadata: ["kind": "\(error.kind.rawValue)", "location": "\(error.location?.description ?? "-")", "path": "\(request.uri.path)"])
            }
            return try Problem(error).response(from: request, context: context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as HTTPResponseError where error.status == .notFound && AllowedMethods.of(request.uri.path) != nil {
            let allowed = AllowedMethods.of(request.uri.path) ?? []
            var problem = Problem(
                status: .methodNotAllowed, kind: "bad input",
                detail: "\(request.method.rawValue) is not a method of \(request.uri.path); expected \(allowed.joined(separator: " or "))")
            problem.headers[.allow] = allowed.joined(separator: ", ")
            return try problem.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let kind = error.status.code >= 500 ? "storage error" : "bad input"
            let detail = error.status == .notFound ? "no such resource \(request.method.rawValue) \(request.uri.path); expected one in /openapi.json" : error.status.reasonPhrase
            return try Problem(status: error.status, kind: kind, detail: detail).response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(type(of: error))")
            return try Problem(status: .internalServerError, kind: "server error", detail: "the server failed; expected to succeed, see its log")
                .response(from: request, context: context)
        }
    }
}

import Foundation
import Hummingbird
import Logging
import WorkflowCore

/// Signing in to the pages with one's own personal token (the one the staff register issued, as
/// for the API and the command line), and out. The session cookie is `Secure`,
/// `HttpOnly` and `SameSite=Strict`; the sign-in form carries a CSRF token held in a cookie of its
/// own (double submit), every signed-in form the session's. Bad tokens count towards the same
/// lockout as the API's (which never refuses a valid token).
struct SignInRoutes: Sendable {
    let authenticator: RegisterAuthenticator
    let lockout: BadTokenLockout
    let clients: ClientAddress
    let sessions: SessionStore
    let clock: @Sendable () -> Date
    let logger: Logger
    static let sessionCookie = "safeguard_session"
    static let signInCookie = "safeguard_sign_in"

    struct SignInForm: Decodable {
        var token: String?
        var csrf: String?
    }

    func add(to router: Router<ServerContext>) {
        router.get("/ui/sign-in") { _, _ in signInPage(problem: nil) }
        router.post("/ui/sign-in") { request, context in
            let form = (try? await URLEncodedFormDecoder().decode(SignInForm.self, from: request, context: context)) ?? SignInForm()
            guard let expected = request.cookies[Self.signInCookie]?.value, let sent = form.csrf, Self.same(expected, sent) else {
                return signInPage(problem: "The form had expired. Please sign in again.", status: .forbidden)
            }
            let now = clock()
            let client = clients.of(request, context)
            let person: AuthenticatedPerson
            do throws(WorkflowError) {
                person = try await authenticator.authenticate(bearer: (form.token ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            } catch where error.kind == .refused {
                do throws(Problem) {
                    try BearerAuthentication.badToken(client, at: now, lockout: lockout, logger: logger)
                } catch {
                    return signInPage(problem: "Too many wrong tokens from this address. Try again in \(Int(lockout.window / 60)) minutes.", status: .tooManyRequests)
                }
                return signInPage(problem: "That token was not recognised. Enter your own current personal token.", status: .unauthorized)
            } catch {
                return signInPage(problem: "The staff register cannot be read just now. Try again later.", status: Problem(error).status)
            }
            let session = sessions.start(person, at: now)
            var response = Response(status: .seeOther, headers: [.location: "/ui/due"])
            response.setCookie(Self.cookie(Self.sessionCookie, session.id, maxAge: Int(sessions.lifetime)))
            response.setCookie(Self.cookie(Self.signInCookie, "", maxAge: 0))
            return response
        }
        router.post("/ui/sign-out") { request, context in
            let form = (try? await URLEncodedFormDecoder().decode(SignInForm.self, from: request, context: context)) ?? SignInForm()
            if let id = request.cookies[Self.sessionCookie]?.value, let session = sessions.session(id, at: clock()) {
                guard let sent = form.csrf, Self.same(session.csrf, sent) else {
                    return Response(status: .forbidden, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: HTML.page(title: "Not signed out", person: nil, csrf: nil, body: "<p>The form had expired. <a href=\"/ui/due\">Back</a></p>"))))
                }
                sessions.end(id)
            }
            var response = Response(status: .seeOther, headers: [.location: "/ui/sign-in"])
            response.setCookie(Self.cookie(Self.sessionCookie, "", maxAge: 0))
            return response
        }
    }

    func signInPage(problem: String?, status: HTTPResponse.Status = .ok) -> Response {
        let csrf = SessionStore.random()
        let alert = problem.map { "<p role=\"alert\" class=\"missed\">\(HTML.escape($0))</p>" } ?? ""
        let body = """
            \(alert)
            <form method="post" action="/ui/sign-in">
            <input type="hidden" name="csrf" value="\(csrf)">
            <label for="token">Your personal token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required>
            <p><button type="submit">Sign in</button></p>
            </form>
            """
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: HTML.page(title: "Sign in", person: nil, csrf: nil, body: body))))
        response.setCookie(Self.cookie(Self.signInCookie, csrf, maxAge: 3600))
        return response
    }

    static func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/ui", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

import Foundation
import Testing
import WorkflowCore
@testable import SafeguardServer

/// The pages behind sign-in, over a real server: cookies, CSRF, what each person sees.
@Suite("safeguard serve: the pages")
struct PageTests {
    /// Signs in with a token; returns the session cookie's value and its Set-Cookie line.
    func signIn(_ server: LiveServer, token: String) async throws -> (session: String, setCookie: String) {
        let form = try await server.request("GET", "/ui/sign-in")
        #expect(form.status == 200)
        let csrf = try #require(form.text.firstMatch(of: /name="csrf" value="([^"]+)"/)).1
        let cookie = try #require(form.header("Set-Cookie"))
        #expect(cookie.contains("safeguard_sign_in=\(csrf)"))
        let reply = try await server.request(
            "POST", "/ui/sign-in", body: Data("token=\(server.token(token))&csrf=\(csrf)".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "safeguard_sign_in=\(csrf)"])
        #expect(reply.status == 303)
        #expect(reply.header("Location") == "/ui/due")
        let setCookie = try #require(reply.header("Set-Cookie"))
        let session = try #require(setCookie.firstMatch(of: /safeguard_session=([^;]+)/)).1
        return (String(session), setCookie)
    }

    @Test func aSignedInPersonSeesTheDueListAndACaseWithPersonalFieldsMaskedByRole() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        #expect(try await server.request("GET", "/ui/due").status == 303)

        let constable = try await signIn(server, token: "pc-token")
        #expect(constable.setCookie.contains("Secure") && constable.setCookie.contains("HttpOnly") && constable.setCookie.contains("SameSite=Strict"))
        let due = try await server.request("GET", "/ui/due", headers: ["Cookie": "safeguard_session=\(constable.session)"])
        #expect(due.status == 200)
        #expect(due.text.contains("<a href=\"/ui/cases/C1\">C1</a>"))
        #expect(due.text.contains("<h1>Due</h1>"))
        let page = try await server.request("GET", "/ui/cases/C1", headers: ["Cookie": "safeguard_session=\(constable.session)"])
        #expect(page.text.contains("1988-02-14"))
        #expect(page.text.contains("<h2>Allowed next</h2>"))
        #expect(page.text.contains("<li>apply_for_order</li>"))
        // The hearing deadline day by day: Sunday and the bank holiday disregarded, then two whole days.
        #expect(page.text.contains("<li>Tue 26 May 2026: 24h 00m counted, 24h 00m in all</li>"))
        #expect(page.text.contains("<li>Wed 27 May 2026: 24h 00m counted, 48h 00m in all</li>"))
        #expect(!page.text.contains("GRDB"))
        // Judged at noon on 24 May, the hearing deadline (28 May) is still pending.
        #expect(page.text.contains("<li class=\"pending\"><h3>hearing: <span class=\"tag\">pending</span></h3>"))
        server.clock.set(Instant.parse("2026-05-29T09:00:00+01:00")!)
        // Five days on, the morning's session has ended (sessions last 8 hours): sign in again.
        #expect(try await server.request("GET", "/ui/cases/C1", headers: ["Cookie": "safeguard_session=\(constable.session)"]).status == 303)
        let again = try await signIn(server, token: "pc-token")
        let late = try await server.request("GET", "/ui/cases/C1", headers: ["Cookie": "safeguard_session=\(again.session)"])
        #expect(late.text.contains("<li class=\"overdue\"><h3>hearing: <span class=\"tag\">overdue</span></h3>"))
        server.clock.set(Instant.parse("2026-05-24T12:00:00+01:00")!)

        let legal = try await signIn(server, token: "legal-token")
        let masked = try await server.request("GET", "/ui/cases/C1", headers: ["Cookie": "safeguard_session=\(legal.session)"])
        #expect(!masked.text.contains("1988-02-14"))
        #expect(!masked.text.contains("Mill Lane"))
        #expect(masked.text.contains("masked (personal)"))
        await server.stop()
    }

    @Test func formsNeedTheirCSRFTokenAndABadTokenDoesNotSignIn() async throws {
        let server = try await LiveServer()
        let noCSRF = try await server.request(
            "POST", "/ui/sign-in", body: Data("token=pc-token".utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(noCSRF.status == 403)
        #expect(noCSRF.header("Set-Cookie")?.contains("safeguard_session") != true)

        let form = try await server.request("GET", "/ui/sign-in")
        let csrf = try #require(form.text.firstMatch(of: /name="csrf" value="([^"]+)"/)).1
        let wrong = try await server.request(
            "POST", "/ui/sign-in", body: Data("token=guess&csrf=\(csrf)".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "safeguard_sign_in=\(csrf)"])
        #expect(wrong.status == 401)
        #expect(wrong.text.contains("That token was not recognised"))

        let signedIn = try await signIn(server, token: "pc-token")
        let forged = try await server.request(
            "POST", "/ui/sign-out", body: Data("csrf=forged".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "safeguard_session=\(signedIn.session)"])
        #expect(forged.status == 403)
        let still = try await server.request("GET", "/ui/due", headers: ["Cookie": "safeguard_session=\(signedIn.session)"])
        #expect(still.status == 200)
        let sessionCSRF = try #require(still.text.firstMatch(of: /name="csrf" value="([^"]+)"/)).1
        let out = try await server.request(
            "POST", "/ui/sign-out", body: Data("csrf=\(sessionCSRF)".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "safeguard_session=\(signedIn.session)"])
        #expect(out.status == 303)
        let after = try await server.request("GET", "/ui/due", headers: ["Cookie": "safeguard_session=\(signedIn.session)"])
        #expect(after.status == 303)
        await server.stop()
    }
}

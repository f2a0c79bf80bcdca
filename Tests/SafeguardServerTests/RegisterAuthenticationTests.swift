import Foundation
import Testing
import WorkflowCore
import SafeguardService
@testable import SafeguardServer

/// Who may act over HTTP is the staff register's answer, as on the command line.
@Suite("safeguard serve: the staff register decides who may act")
struct RegisterAuthenticationTests {
    @Test func aStoreWithoutAStaffRegisterIsNotServedAndNothingIsCreated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).sqlite").path
        #expect(throws: WorkflowError.badInput(
            "this store keeps no staff register, and a server takes no claimed identities; expected a store set up with 'safeguard init --force F --admin ID --name N --from T --token-out FILE', its people added with 'safeguard staff add' and given tokens with 'safeguard staff token'"
        )) {
            _ = try SafeguardServer(Configuration(storeURL: path), options: ServerOptions(port: 0, tickInterval: nil))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".key"))
    }

    @Test func aRetiredPersonsTokenAndAReplacedTokenAreRefused() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        #expect(try await server.request("GET", "/cases/C1", token: "pc-token").status == 200)

        // The administrator gives SUP77 a new token: the old one stops working at once.
        var administrator = Configuration(storeURL: server.path)
        administrator.clock = { server.clock.get() }
        administrator.token = server.token("admin-token")
        let newToken = try Casework(administrator).issueToken(force: "essex", id: "SUP77", reason: "lost").token
        var reply = try await server.request("GET", "/cases/C1", token: "sup-token")
        #expect(reply.status == 401)
        #expect(reply.json["detail"] as? String == "the token given is not one the staff register issued, or it was replaced by a newer one; expected your current token")
        #expect(try await server.request("GET", "/cases/C1", token: newToken).status == 200)

        // PC1234 retires: their token is refused, for reading and writing alike.
        _ = try Casework(administrator).updateStaff(force: "essex", .init(id: "PC1234", reason: "retired"), retire: true)
        reply = try await server.fire("C1", "record_visit", at: "2026-05-24T11:00:00+01:00", token: "pc-token", data: ["outcome": "x"])
        #expect(reply.status == 401)
        #expect(reply.json["detail"] as? String == "PC1234's register entry (essex) is retired or expired; expected a person whose entry is valid now")
        #expect(try server.verify().events == 3)
        await server.stop()
    }

    @Test func everyWriteIsTheTokenHoldersInTheRoleTheRegisterGaveThemAtTheEventsTime() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        // SUP77 is promoted to chief superintendent from noon on 24 May.
        var administrator = Configuration(storeURL: server.path)
        administrator.clock = { server.clock.get() }
        administrator.token = server.token("admin-token")
        _ = try Casework(administrator).updateStaff(
            force: "essex", .init(id: "SUP77", roles: ["chief_superintendent"], effective: Instant.parse("2026-05-24T12:00:00+01:00")!, reason: "promoted"))
        server.clock.set(Instant.parse("2026-05-24T13:00:00+01:00")!)
        // Before the promotion they did not hold the new rank…
        var reply = try await server.fire("C1", "close", at: "2026-05-24T11:30:00+01:00", token: "sup-token", data: ["reason": "withdrawn"], role: "chief_superintendent")
        #expect(reply.status == 422)
        #expect(
            reply.json["detail"] as? String
                == "SUP77 did not hold the role chief_superintendent at 2026-05-24T11:30:00+01:00 (the register gives superintendent); expected a role the person holds")
        // …after it they did, and the event records the register's version and how they proved who they were.
        reply = try await server.fire("C1", "close", at: "2026-05-24T12:30:00+01:00", token: "sup-token", data: ["reason": "withdrawn"])
        #expect(reply.status == 201)
        let actor = try #require((reply.json["event"] as? [String: Any])?["actor"] as? [String: Any])
        #expect(actor["id"] as? String == "SUP77")
        #expect(actor["role"] as? String == "chief_superintendent")
        #expect(actor["authentication"] as? String == "token")
        await server.stop()
    }

    @Test func aSignedInPersonWhoIsRetiredIsSignedOutAtTheirNextPage() async throws {
        let server = try await LiveServer()
        let signedIn = try await PageTests().signIn(server, token: "pc-token")
        #expect(try await server.request("GET", "/ui/due", headers: ["Cookie": "safeguard_session=\(signedIn.session)"]).status == 200)
        var administrator = Configuration(storeURL: server.path)
        administrator.clock = { server.clock.get() }
        administrator.token = server.token("admin-token")
        _ = try Casework(administrator).updateStaff(force: "essex", .init(id: "PC1234", reason: "retired"), retire: true)
        let after = try await server.request("GET", "/ui/due", headers: ["Cookie": "safeguard_session=\(signedIn.session)"])
        #expect(after.status == 303)
        #expect(after.header("Location") == "/ui/sign-in")
        await server.stop()
    }
}

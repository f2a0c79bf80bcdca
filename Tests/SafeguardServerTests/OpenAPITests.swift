import Foundation
import Testing
@testable import SafeguardServer

/// The served OpenAPI document describes the server: every operation it lists answers (with one
/// of the statuses it documents), and problem responses are what it says.
@Suite("safeguard serve: the OpenAPI document")
struct OpenAPITests {
    @Test func everyDocumentedOperationAnswersWithADocumentedStatus() async throws {
        let server = try await LiveServer()
        try await server.servedCase()
        let reply = try await server.request("GET", "/openapi.json")
        #expect(reply.status == 200)
        let paths = try #require(reply.json["paths"] as? [String: [String: Any]])
        #expect(paths.count == 14)
        for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, operation) in operations {
                let documented = Set(((operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]).keys)
                let uri = path.replacingOccurrences(of: "{case}", with: "C1")
                let answer: LiveServer.Reply
                switch (method, path) {
                case ("post", "/cases"): answer = try await server.request("POST", uri, token: "admin-token", json: ["id": "C2", "data": LiveServer.incident])
                case ("post", "/apply"): answer = try await server.request("POST", uri, token: "admin-token", body: Data())
                case ("post", _): answer = try await server.request("POST", uri, token: "admin-token", json: ["event": "close", "data": ["reason": "withdrawn"]])
                default: answer = try await server.request(method.uppercased(), uri, token: "admin-token")
                }
                #expect(documented.contains(String(answer.status)), "\(method) \(path) answered \(answer.status): \(answer.text)")
            }
        }
        await server.stop()
    }
}

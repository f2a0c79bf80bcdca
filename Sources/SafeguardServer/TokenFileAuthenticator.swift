import Crypto
import Foundation
import WorkflowCore

/// Bearer tokens from a file the server's operator keeps, readable by its owner only: one person
/// a line, `SHA256-OF-TOKEN ID ROLE[,ROLE…] [FORCE]`, `#` starting a comment. Only the hash of
/// each token is stored; a request's token is hashed and looked up.
///
///     # printf %s "$TOKEN" | sha256sum
///     9f86d08188…0f00a08 PC1234 constable essex
public struct TokenFileAuthenticator: Authenticator {
    let people: [String: AuthenticatedPerson]

    public init(lines text: String) throws(WorkflowError) {
        var people: [String: AuthenticatedPerson] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.isEmpty { continue }
            guard (3...4).contains(words.count), words[0].count == 64, words[0].allSatisfy(\.isHexDigit) else {
                throw .badInput(
                    "line \(number + 1) of the token file is not a person; expected SHA256-OF-TOKEN ID ROLE[,ROLE…] [FORCE] (the hash as 64 hex digits)")
            }
            let roles = words[2].split(separator: ",").map(String.init)
            people[words[0].lowercased()] = AuthenticatedPerson(id: Identifier.normalized(words[1]), roles: roles, force: words.count == 4 ? words[3] : nil)
        }
        guard !people.isEmpty else { throw .badInput("the token file names nobody; expected a line SHA256-OF-TOKEN ID ROLE[,ROLE…] [FORCE]") }
        self.people = people
    }

    /// Reads the file, refusing one that group or others may read.
    public init(file: String) throws(WorkflowError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue,
            let data = FileManager.default.contents(atPath: file)
        else {
            throw .badInput("the token file \(file) cannot be read; expected a file of lines SHA256-OF-TOKEN ID ROLE[,ROLE…] [FORCE]")
        }
        guard mode & 0o077 == 0 else {
            throw .badInput("the token file \(file) is readable by others (mode \(String(mode & 0o777, radix: 8))); expected a file readable by its owner only (chmod 600)")
        }
        try self.init(lines: String(decoding: data, as: UTF8.self))
    }

    public func authenticate(bearer token: String, at: Date) throws(WorkflowError) -> AuthenticatedPerson {
        guard let person = people[Self.hash(token)] else {
            throw .refused("the token is not one this server knows; expected a current personal token")
        }
        return person
    }

    /// The lowercase hex SHA-256 of a token, as the file holds it.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

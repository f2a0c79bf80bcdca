import Foundation
import SafeguardService
import Testing
import WorkflowCore

/// What a command runs with: the future-time tolerance is capped, and one token source only.
@Suite("Configuration: future tolerance cap and token sources")
struct ConfigurationIdentityTests {
    func configuration(_ environment: [String: String], tokenFile: String? = nil) throws(WorkflowError) -> Configuration {
        try Configuration(db: ":memory:", scripts: nil, luaInstructions: nil, luaMemoryMB: nil, tokenFile: tokenFile, environment: environment)
    }

    @Test func aFutureToleranceAboveTheCapIsBadInput() throws {
        #expect(try configuration(["SAFEGUARD_FUTURE_MINUTES": "60"]).futureTolerance == 3600)
        for text in ["61", "9999999999"] {
            #expect(throws: WorkflowError.badInput(
                "SAFEGUARD_FUTURE_MINUTES is \"\(text)\"; expected a whole number of minutes from 0 to 60 (a clock further ahead would let tick expire orders early)"
            )) { try configuration(["SAFEGUARD_FUTURE_MINUTES": text]) }
        }
    }

    @Test func aTokenInTheEnvironmentAndATokenFileTogetherAreAmbiguous() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("mine.token").path
        FileManager.default.createFile(atPath: file, contents: Data("sg_file\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: WorkflowError.badInput("both SAFEGUARD_TOKEN and a token file (\(file)) are given; expected one, so the command runs as one person")) {
            try configuration(["SAFEGUARD_TOKEN": "sg_env"], tokenFile: file)
        }
        #expect(throws: WorkflowError.badInput("both SAFEGUARD_TOKEN and a token file (\(file)) are given; expected one, so the command runs as one person")) {
            try configuration(["SAFEGUARD_TOKEN": "sg_env", "SAFEGUARD_TOKEN_FILE": file])
        }
        #expect(try configuration(["SAFEGUARD_TOKEN": "sg_env"]).token == "sg_env")
        #expect(try configuration(["SAFEGUARD_TOKEN": ""], tokenFile: file).token == "sg_file")
        // A symbolic link to a file readable by its owner only is read; its own mode (777) is not the file's
        let link = folder.appendingPathComponent("link.token").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try configuration([:], tokenFile: link).token == "sg_file")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(throws: WorkflowError.badInput(
            "the token file \(link) is readable by others (mode 644); expected a file readable by its owner only (chmod 600)")) {
            try configuration([:], tokenFile: link)
        }
    }
}

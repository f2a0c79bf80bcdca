import Foundation

/// Runs the built `safeguard` executable as a user would, against its own temporary database.
struct Cli {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/safeguard`, built by `swift build` (scripts/test builds it before testing).
    static let executable: URL = {
        if let explicit = ProcessInfo.processInfo.environment["SAFEGUARD_BIN"] { return URL(fileURLWithPath: explicit) }
        return packageRoot.appendingPathComponent(".build/debug/safeguard")
    }()

    let folder: URL
    let database: String
    var environment: [String: String] = [:]

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("cases.sqlite").path
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            throw CliError(message: "no executable at \(Self.executable.path); run 'swift build' first (scripts/test does)")
        }
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["SAFEGUARD_DB"] = database
        env.removeValue(forKey: "SAFEGUARD_SCRIPTS")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and splits on spaces, keeping `key=value with spaces` whole when quoted with '…'.
    @discardableResult
    func run(_ line: String) throws -> Run { try run(Self.words(line)) }

    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if character == "'" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

struct CliError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension Cli {
    /// `Workflows/dvpo.lua:N`, the line of the shipped national workflow holding `needle`, so a
    /// golden text pins the place without pinning a number that moves when the script is edited.
    static func dvpoLine(_ needle: String) -> String {
        let text = try! String(contentsOf: packageRoot.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        return "Workflows/dvpo.lua:\(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1)"
    }

    /// Where `authorise_notice` is declared, which its rank refusal names.
    static var authoriseNotice: String { dvpoLine("dvpo:event(\"authorise_notice\"") }
}

import Foundation
import WorkflowCore

/// Where a command finds the person's token (see `TokenHash` for what a token is).
public enum Credential {
    /// The token a command runs with: from `file` (which must be readable by its owner only), else
    /// from `SAFEGUARD_TOKEN`, else none.
    /// - Throws: `badInput` when both a file and `SAFEGUARD_TOKEN` are given (whose token would be
    ///   silently chosen), or the file cannot be read, is readable by group or others, or holds no token.
    public static func read(file: String?, environment: [String: String]) throws(WorkflowError) -> String? {
        let variable = environment["SAFEGUARD_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let file else {
            return variable?.isEmpty == false ? variable : nil
        }
        if variable?.isEmpty == false {
            throw .badInput(
                "both SAFEGUARD_TOKEN and a token file (\(file)) are given; expected one, so the command runs as one person")
        }
        // The file's own mode, following a symbolic link to the file it names.
        let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue,
            let data = FileManager.default.contents(atPath: file)
        else {
            throw .badInput("the token file \(file) cannot be read; expected a file holding the token 'safeguard staff token' printed")
        }
        guard mode & 0o077 == 0 else {
            throw .badInput(
                "the token file \(file) is readable by others (mode \(String(mode & 0o777, radix: 8))); expected a file readable by its owner only (chmod 600)")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .badInput("the token file \(file) is empty; expected the token 'safeguard staff token' printed") }
        return token
    }

    /// Makes a token's file before the token is issued, so a path that cannot be written stops the
    /// issue instead of losing the token: `issue` gives the token, written to a new file readable
    /// by its owner only; the file is removed if `issue` fails.
    /// - Throws: `badInput` when the file exists or cannot be created; whatever `issue` throws.
    public static func save<T>(to path: String, _ issue: () throws(WorkflowError) -> (T, token: String)) throws(WorkflowError) -> T {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .badInput("cannot create the token file \(path) (it may exist already); expected a new file's path")
        }
        defer { close(descriptor) }
        let issued: (T, token: String)
        do throws(WorkflowError) {
            issued = try issue()
        } catch {
            unlink(path)
            throw error
        }
        let bytes = Array((issued.token + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw .storage("could not write the token file \(path)") }
        return issued.0
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// Reports a `WorkflowError` on standard error and exits with its code: one line of text, or
/// under `--json` one JSON object (`kind`, `message`, `expected`, `exit_code`, `location`).
enum Failure {
    static func report(_ error: WorkflowError, json: Bool = false) -> ExitCode {
        let code = ExitStatus.code(for: error.kind)
        let document = ErrorDocument(error, exitCode: code)
        let line = json ? document.json : "safeguard: \(OneLine.escaped(document.line))"
        FileHandle.standardError.write(Data("\(line)\n".utf8))
        return ExitCode(code)
    }

    /// Reports one failure of several a command goes on past (`migrate --all`: a case not
    /// migrated) the same way, its message led by what failed; returns its exit code.
    static func note(_ error: WorkflowError, about subject: String, json: Bool = false) -> Int32 {
        let code = ExitStatus.code(for: error.kind)
        var document = ErrorDocument(error, exitCode: code)
        document.message = "\(subject): \(document.message)"
        let line = json ? document.json : "safeguard: \(OneLine.escaped(document.line))"
        FileHandle.standardError.write(Data("\(line)\n".utf8))
        return code
    }
}

/// Runs a command body; a `WorkflowError` becomes its report (JSON under `--json`) and exit code.
func reporting(json: Bool = false, _ body: () throws(WorkflowError) -> Void) throws {
    do throws(WorkflowError) {
        try body()
    } catch {
        throw Failure.report(error, json: json)
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// Reports a `WorkflowError` as one line on standard error and exits with its code.
enum Failure {
    static func report(_ error: WorkflowError) -> ExitCode {
        FileHandle.standardError.write(Data("safeguard: \(ErrorDocument(error).line)\n".utf8))
        return ExitCode(ExitStatus.code(for: error.kind))
    }
}

/// Runs a command body; a `WorkflowError` becomes its one-line report and exit code.
func reporting(_ body: () throws(WorkflowError) -> Void) throws {
    do throws(WorkflowError) {
        try body()
    } catch {
        throw Failure.report(error)
    }
}

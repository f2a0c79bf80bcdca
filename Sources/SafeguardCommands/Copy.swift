import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard copy`: moves every case, event and procedure from one store into another, empty, one.
struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every procedure, case, event and staff register change from one store into another, empty, store.",
        discussion: """
            Events (with their MACs) and staff register changes are appended in the same order, so both chains end at the same heads; both sides are verified after the copy, under the record's keys: --key-file (env SAFEGUARD_KEY_FILE), by default the source file's path with .key added. \
            For example: safeguard copy --from sqlite:force.sqlite --to postgres://safeguard@127.0.0.1:5432/cases
            """)

    @Option(help: "The store to copy from: a file path, sqlite:PATH or postgres://user@host:port/database.")
    var from: String

    @Option(help: "The empty store to copy into: a file path, sqlite:PATH or postgres://user@host:port/database.")
    var to: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let summary = try StoreCopy.copy(from: from, to: to, keyFile: global.keyFile ?? ProcessInfo.processInfo.environment["SAFEGUARD_KEY_FILE"])
            if global.json {
                print(
                    Rendering.json(
                        .object([
                            "procedures": .integer(summary.procedures), "cases": .integer(summary.cases),
                            "events": .integer(summary.events), "head": .string(summary.head),
                        ])))
            } else {
                print(
                    "copied \(summary.procedures) procedures, \(summary.cases) cases and \(summary.events) events; both sides verified with head \(summary.head)"
                )
            }
        }
    }
}

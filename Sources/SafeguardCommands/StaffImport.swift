import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard staff import`: a force's HR export onto the register, all or nothing.
struct StaffImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add everyone in an HR export (JSON Lines or CSV) to a force's register, all or nothing.",
        discussion: """
            JSON Lines: {"id":"PC1234","name":"…","roles":["constable"],"from":"2020-01-01T00:00:00Z","until":null}
            CSV: a header id,name,roles,from,until; roles separated by ';'.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: StaffTarget

    @Argument(help: "The export file, or - for standard input.")
    var file: String

    @Option(help: ArgumentHelp("jsonl or csv (default: from the file's extension, else jsonl).", valueName: "format"))
    var format: String?

    func run() throws {
        try reporting { () throws(WorkflowError) in
            let chosen = format ?? (file.lowercased().hasSuffix(".csv") ? "csv" : "jsonl")
            guard let kind = StaffImport.Format(rawValue: chosen) else {
                throw .badInput("--format is \"\(chosen.prefix(20))\"; expected jsonl or csv")
            }
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
            guard let data, let text = String(data: data, encoding: .utf8) else {
                throw .badInput("\(file) cannot be read as UTF-8 text; expected an HR export")
            }
            let written = try Casework(try global.configuration())
                .addStaff(force: target.force, try StaffImport.changes(text, format: kind, reason: target.reason))
            print("added \(written.count) \(written.count == 1 ? "person" : "people") to the staff register of \(target.force)")
        }
    }
}

import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard export`: cases and their histories, for analysts and evaluators.
struct Export: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export cases and their histories as JSON Lines (a case a line) or CSV (an event a row).",
        discussion:
            "With --redact, every field the case's workflow or plugins mark personal (personal = true: dates of birth, addresses, opinions) is left out of the case's data and its events' data, and the fields left out are listed.\n\nA voided event is exported as recorded, marked with voided_by: the number of the void_event that voided it (null, or an empty cell, for an event in force). Counts taken from an export should leave voided events out, as report does.\n\nExample:  safeguard export --redact --format csv > cases.csv"
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "jsonl or csv.")
    var format: Format = .jsonl

    @Flag(help: "Leave out the fields the workflow marks as personal data.")
    var redact = false

    @Option(help: "Only cases of this force.")
    var force: String?

    func run() throws {
        try reporting(json: global.json) { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration(), access: .readOnly)
            if format == .csv { print("case,force,workflow,sequence,event,at,recorded_at,actor_id,actor_role,from,to,data,changes,voided_by") }
            try casework.export(force: force, redact: redact) { exported in
                switch format {
                case .jsonl:
                    print(DocumentEncoder.json(exported))
                case .csv:
                    let snapshot = exported.snapshot
                    for event in exported.events {
                        let cells = [
                            snapshot.id, snapshot.force, snapshot.workflow, String(event.sequence), event.event,
                            Instant.format(event.at), Instant.format(event.recordedAt), event.actor.id, event.actor.role,
                            event.from ?? "", event.to, Rendering.json(.object(event.data)), Rendering.json(.object(event.changes)),
                            exported.voidedBy[event.sequence].map(String.init) ?? "",
                        ]
                        print(cells.map(ReportText.csv).joined(separator: ","))
                    }
                }
            }
        }
    }
}

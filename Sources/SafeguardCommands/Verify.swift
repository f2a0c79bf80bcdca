import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// `safeguard verify`: proves the record unaltered, or names what was altered.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the event log's hash chain and replay every case from its events, comparing with its stored snapshot.",
        discussion:
            "Reports each mismatch by case and event: an event edited, deleted or reordered behind the engine's back (even with every hash recomputed: each event carries a MAC under the key kept outside the database), a staff register change altered, a row MAC'd under a key that was not current when it was written (key rotations are recorded by 'safeguard key rotate'), a snapshot that its events do not produce, and with --checkpoint events removed since the checkpoint. Exits 5 when it finds any. Each case is replayed under the Lua budgets its procedure records; a note says where they differ from this run's. In a store without a staff register it also says that identities are claimed, not proven; in one whose register began after some events were recorded, that identities are mixed."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("case"), help: "Only this case.")
    var caseID: String?

    @Option(
        help: ArgumentHelp(
            "A checkpoint printed by 'safeguard checkpoint' and kept outside the database, or a file holding one: proves nothing before it was changed or removed.",
            valueName: "text|file"))
    var checkpoint: String?

    func run() throws {
        var broken = false
        try reporting(json: global.json) { () throws(WorkflowError) in
            let casework = try Casework(try global.configuration(), access: .readOnly)
            let result = try casework.verify(caseID: caseID, checkpoint: try checkpointValue())
            let (events, caseCount, problems) = (result.events, result.cases, result.problems)
            // A deleted register is one of the problems; the store's identities are then not known.
            let identities = try? casework.identities(after: result, caseID: caseID)
            let notes = result.complete ? casework.budgetNotes(procedures: result.procedures) : casework.budgetNotes(caseID: caseID)
            if global.json {
                var document: [String: Value] = [
                    "events": .integer(events), "cases": .integer(caseCount), "intact": .bool(problems.isEmpty),
                    "problems": .array(problems.map(Value.string)),
                ]
                document["identities"] = identities.map(Value.string)
                if !notes.isEmpty { document["notes"] = .array(notes.map(Value.string)) }
                print(Rendering.json(.object(document)))
            } else {
                for problem in problems { print(problem) }
                for note in notes { print("note: \(note)") }
                if identities == "claimed" {
                    print("identities claimed: this store keeps no staff register, so each event's actor and role are as typed, not proven")
                } else if identities == "mixed" {
                    print("identities mixed: events recorded before the staff register have actors and roles as typed, not proven")
                }
                print(
                    problems.isEmpty
                        ? "verified \(events) events in \(caseCount) case\(caseCount == 1 ? "" : "s"): the chain is intact and every case replays to its snapshot"
                        : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(events) events and \(caseCount) case\(caseCount == 1 ? "" : "s")")
            }
            broken = !problems.isEmpty
        }
        if broken { throw ExitCode(ExitStatus.storageError) }
    }

    func checkpointValue() throws(WorkflowError) -> Checkpoint? {
        guard let checkpoint else { return nil }
        if !checkpoint.hasPrefix("safeguard-checkpoint") {
            guard let data = FileManager.default.contents(atPath: checkpoint) else {
                throw .badInput("--checkpoint is neither a checkpoint nor a readable file; expected the line 'safeguard checkpoint' printed, or its file")
            }
            return try Checkpoint(text: String(decoding: data, as: UTF8.self))
        }
        return try Checkpoint(text: checkpoint)
    }
}

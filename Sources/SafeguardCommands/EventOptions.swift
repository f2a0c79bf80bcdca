import ArgumentParser
import Foundation
import WorkflowCore

/// Who fires an event, when, and with what data.
struct EventOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When it happened: ISO 8601 with an offset, e.g. 2026-05-23T10:00:00+01:00.", valueName: "time"))
    var at: String

    @Option(
        help: ArgumentHelp(
            "Who records it: a collar or staff number. Where the store keeps a staff register, the holder of your token (SAFEGUARD_TOKEN or --token-file) is the actor, and this may be left out.",
            valueName: "id"))
    var actor: String?

    @Option(
        help: ArgumentHelp(
            "The rank or staff role acted in, e.g. constable, superintendent. Where the store keeps a staff register, one the register gives you at the event's time (default: your first).",
            valueName: "role"))
    var role: String?

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "A field of the event, key=value; the value is read as JSON when it is valid JSON (days=28, flag=true), else as text. Repeat for each field.",
            valueName: "key=value"))
    var data: [String] = []

    func instant() throws(WorkflowError) -> Date {
        guard let date = Instant.parse(at) else { throw .malformedTime(at, field: "--at") }
        return date
    }

    func fields() throws(WorkflowError) -> [String: Value] { try DataArguments.parse(data) }

    /// The actor; the engine's own role is for `safeguard tick` alone.
    func actorValue() throws(WorkflowError) -> Actor {
        guard role != Actor.engineClock.role else {
            throw .badInput("role engine is reserved for safeguard tick; expected a rank or a staff role")
        }
        return Actor(id: actor ?? "", role: role ?? "")
    }
}

import Foundation
import WorkflowCore

/// An administrator's scenario: transitions at given times against a force's procedure, with what
/// is expected after each. Written as a Lua file that returns a table (see Scenarios/).
public struct Scenario {
    /// One step: an event to fire, or a tick of the engine's clock, and what should follow.
    public struct Step {
        var event: String?
        var tick: Date?
        var at: Date
        var actor: Actor
        var data: [String: Value]
        var expect: [String: Value]
        var line: Int
    }

    public var path: String
    public var name: String
    public var force: String
    public var workflow: String
    public var steps: [Step]

    /// Reads the table a scenario file returned; errors name the file and the step.
    public init(path: String, value: Value) throws(WorkflowError) {
        guard case .object(let table) = value else { throw .badInput("\(path): a scenario returns a table; got \(value.kindName)") }
        self.path = path
        name = table["name"]?.stringValue ?? path
        force = table["force"]?.stringValue ?? DefaultWorkflow.nationalForce
        workflow = table["workflow"]?.stringValue ?? DefaultWorkflow.name
        guard case .array(let items) = table["steps"], !items.isEmpty else {
            throw .badInput("\(path): scenario \(name) needs steps = { … }, a list of steps")
        }
        steps = []
        for (offset, item) in items.enumerated() {
            guard case .object(let step) = item else { throw .badInput("\(path): step \(offset + 1) is \(item.kindName); expected a table") }
            let tick = step["tick"]?.stringValue
            guard let when = (tick ?? step["at"]?.stringValue).flatMap(Instant.parse) else {
                throw .badInput("\(path): step \(offset + 1) needs at = a time in \(Instant.expected) (or tick = one)")
            }
            let event = step["event"]?.stringValue
            guard event != nil || tick != nil else { throw .badInput("\(path): step \(offset + 1) needs event = an event name, or tick = a time") }
            steps.append(
                Step(
                    event: event, tick: tick.flatMap(Instant.parse), at: when,
                    actor: Actor(id: step["actor"]?.stringValue ?? "TEST", role: step["role"]?.stringValue ?? "constable"),
                    data: step["data"]?.objectValue ?? [:], expect: step["expect"]?.objectValue ?? [:], line: offset + 1))
        }
    }
}

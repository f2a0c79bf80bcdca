import Foundation
import WorkflowCore

/// The budgets recorded with a procedure, as one of its sources (`Limits/sandbox.json`), so the
/// environment (`SAFEGUARD_LUA_MEMORY_MB`, `SAFEGUARD_LUA_INSTRUCTIONS`) cannot change what a
/// replay decides: the procedure's hash covers them, and a stored procedure runs under its own.
extension SandboxLimits {
    public static let recordPath = "Limits/sandbox.json"

    private struct Record: Codable {
        var instructions_per_call: Int
        var memory_bytes: Int
        var wall_clock_milliseconds: Int
        var hook_data_bytes: Int
    }

    /// The budgets as a source of the procedure, in a fixed form.
    public var record: ScriptSource {
        let record = Record(
            instructions_per_call: instructionsPerCall, memory_bytes: memoryBytes, wall_clock_milliseconds: wallClockMilliseconds,
            hook_data_bytes: hookDataBytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(record)) ?? Data()
        return ScriptSource(path: Self.recordPath, text: String(decoding: data, as: UTF8.self) + "\n")
    }

    /// The budgets a procedure's sources record, if they record any.
    public static func recorded(in sources: [ScriptSource]) throws(WorkflowError) -> SandboxLimits? {
        guard let source = sources.first(where: { $0.path == recordPath }) else { return nil }
        guard let record = try? JSONDecoder().decode(Record.self, from: Data(source.text.utf8)),
            record.instructions_per_call > 0, record.memory_bytes > 0, record.wall_clock_milliseconds > 0, record.hook_data_bytes > 0
        else {
            throw .script(
                "\(recordPath): not the budgets of a procedure; expected JSON with instructions_per_call, memory_bytes, wall_clock_milliseconds and hook_data_bytes, each above 0"
            )
        }
        return SandboxLimits(
            instructionsPerCall: record.instructions_per_call, memoryBytes: record.memory_bytes,
            wallClockMilliseconds: record.wall_clock_milliseconds, hookDataBytes: record.hook_data_bytes)
    }

    /// One line naming the budgets, for `verify`.
    public var summary: String {
        "\(instructionsPerCall) instructions a call, \(memoryBytes >> 20) MiB, \(wallClockMilliseconds) ms, \(hookDataBytes >> 20) MiB of hook data"
    }
}

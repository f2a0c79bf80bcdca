import Foundation
import WorkflowCore
import WorkflowLua

/// Test helpers: the shipped scripts, and small scripts written inline.
enum Scripts {
    /// The repository's `Workflows/` and `Plugins/` folder.
    static let shipped = ScriptFolder(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

    static func load(_ text: String, path: String = "Workflows/test.lua", limits: SandboxLimits = .standard) -> Result<Procedure, WorkflowError> {
        do throws(WorkflowError) {
            return .success(try Procedure.load(sources: [ScriptSource(path: path, text: text)], limits: limits))
        } catch {
            return .failure(error)
        }
    }

    static func loadError(_ text: String, path: String = "Workflows/test.lua", limits: SandboxLimits = .standard) -> String? {
        if case .failure(let error) = load(text, path: path, limits: limits) { return error.message }
        return nil
    }

    /// A minimal valid workflow with one hook on `poke`, whose body is `body`.
    static func withHook(_ kind: String = "guard", body: String) -> String {
        """
        local wf = engine.workflow { name = "t" }
        wf:state("a")
        wf:event("open", { opens = true, to = "a" })
        wf:event("poke", { from = "a" })
        wf:\(kind)("poke", "probe", function(case, event)
        \(body)
        end)
        """
    }

    static func request(_ event: String, at: String = "2026-05-01T10:00:00Z", role: String = "constable", data: [String: Value] = [:]) -> TransitionRequest {
        TransitionRequest(caseID: "T1", event: event, at: Instant.parse(at)!, actor: Actor(id: "PC1", role: role), data: data, force: "test")
    }
}

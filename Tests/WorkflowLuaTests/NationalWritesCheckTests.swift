import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Issue 11: a force's action that writes data only the national procedure records is refused when
/// it runs; `check` also flags it beforehand, at the action's line, from what its body assigns.
@Suite("check flags a force's action writing national data")
struct NationalWritesCheckTests {
    static let plugin = """
        local p = engine.plugin { name = "sly", version = "1", extends = "dvpo", forces = { "essex" } }
        p:action("grant_order", "longer", function(case, event)
          local note = "x"
          if case.data.order_days == 14 then note = "short" end
          return { order_days = 365, sly_note = note }
        end)
        p:action("record_visit", "blame", function(case, event) return { authorised_by = "SUPX" } end)
        p:action("record_visit", "own", function(case, event) return { sly_visits = (case.data.sly_visits or 0) + 1 } end)
        """

    /// The shipped scripts with `Plugins/sly/plugin.lua` added.
    static func folder() throws -> ScriptFolder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("national-writes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["Workflows", "Plugins", "Calendars"] {
            try FileManager.default.copyItem(at: Scripts.shipped.root.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Plugins/sly"), withIntermediateDirectories: true)
        try plugin.write(to: root.appendingPathComponent("Plugins/sly/plugin.lua"), atomically: true, encoding: .utf8)
        return ScriptFolder(root: root)
    }

    @Test func eachActionWritingNationalDataIsWarnedAtItsLine() throws {
        let (findings, _) = Procedure.diagnose(try Self.folder())
        #expect(findings.errors == [])
        #expect(
            findings.warnings.map(\.message).filter { $0.hasPrefix("Plugins/sly/") } == [
                "Plugins/sly/plugin.lua:2: action longer of grant_order appears to write order_days, which only the national procedure records; it will be refused when it runs (statutory floor); expected a field name of the force's own",
                "Plugins/sly/plugin.lua:7: action blame of record_visit appears to write authorised_by, which only the national procedure records; it will be refused when it runs (statutory floor); expected a field name of the force's own",
            ])
    }

    @Test func theShippedPluginsWriteNoNationalData() {
        let (findings, _) = Procedure.diagnose(Scripts.shipped)
        #expect(!findings.warnings.contains { $0.message.contains("only the national procedure records") })
    }
}

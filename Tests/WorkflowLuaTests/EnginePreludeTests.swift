import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

@Suite("The engine prelude: Lua files embedded at build time, each its own chunk")
struct EnginePreludeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/WorkflowLua/Prelude")

    @Test func theEmbeddedTextIsTheFilesText() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".lua") }
        #expect(Set(names) == Set(EmbeddedPrelude.files.keys))
        #expect(Set(names) == Set(EnginePrelude.order), "every prelude file runs, in the order EnginePrelude gives")
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(EmbeddedPrelude.files[name] == text, "\(name) differs from its embedded text")
        }
    }

    @Test func anErrorInsideAPreludeFileNamesThatFileAndLine() throws {
        let lua = try LuaInterpreter()
        let text = try #require(EmbeddedPrelude.files["plugins.lua"])
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("registry.policy_tables[plugin][name] = value") }) + 1
        let policy = PolicyDefinition(
            name: "visits", plugin: "nobody", type: .integer, defaultValue: 2, summary: "", within: nil,
            location: SourceLocation(file: "Plugins/p/plugin.lua", line: 3))
        let error = #expect(throws: WorkflowError.self) { try lua.applyPolicy(policy) }
        #expect(
            error?.message == "Plugins/p/plugin.lua:3: policy visits could not be set: engine/plugins.lua:\(line): attempt to index a nil value (field '?')")
        #expect(lua.stackHeight == 0)
    }

    @Test func misuseOfTheEngineAPIStillBlamesTheScriptLine() {
        #expect(
            Scripts.loadError("local x = 1\nengine.age_on(5, '2026-01-01')\n")
                == "Workflows/test.lua:2: engine.age_on's first argument must be a date YYYY-MM-DD; got number")
    }

    @Test func scriptsCannotReachThePrivateTable() throws {
        let lua = try LuaInterpreter()
        let probe = """
            local seen = {}
            for _, f in pairs({ engine.workflow, engine.plugin, engine.age_on }) do seen[#seen + 1] = type(f) end
            assert(P == nil and registry == nil and debug == nil, "the engine's private state is visible")
            """
        #expect(throws: Never.self) { try lua.run(ScriptSource(path: "probe.lua", text: probe)).get() }
    }
}

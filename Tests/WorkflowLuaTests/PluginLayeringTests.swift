import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// Plugins that loosen the statute, or conflict without saying which wins, are refused at load.
@Suite("Plugin layering: the statutory floor and conflicts")
struct PluginLayeringTests {
    static let national = try! Scripts.shipped.workflowSources()
    static let calendar = try! Scripts.shipped.calendarSource()!

    /// The message loading the national workflow and these plugins for force `x` fails with.
    func loadError(_ plugins: [(String, String)]) -> String? {
        let sources = Self.national + plugins.map { ScriptSource(path: "Plugins/\($0.0)/plugin.lua", text: $0.1) } + [Self.calendar]
        do throws(WorkflowError) {
            _ = try Procedure.load(sources: sources, force: "x")
            return nil
        } catch {
            #expect(error.kind == .script)
            return error.message
        }
    }

    static func header(_ name: String, _ extra: String = "") -> String {
        "local p = engine.plugin { name = \"\(name)\", version = \"1\", extends = \"dvpo\", forces = { \"x\" }\(extra) }\n"
    }

    static func line(of text: String, in script: String = national.first { $0.path == "Workflows/dvpo.lua" }!.text) -> Int {
        script.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }

    @Test func aPluginMayNotLetAnInspectorAuthorise() {
        let authorise = Self.line(of: "dvpo:event(\"authorise_notice\"")
        #expect(
            loadError([("lax", Self.header("lax") + "p:require_rank(\"authorise_notice\", \"inspector\")\n")])
                == "Plugins/lax/plugin.lua:2: plugin lax lets inspector fire authorise_notice; the statute requires superintendent or above (statutory floor, Workflows/dvpo.lua:\(authorise))"
        )
        #expect(
            loadError([("lax", Self.header("lax") + "p:staff_role(\"clerk\")\np:allow(\"authorise_notice\", \"clerk\")\n")])
                == "Plugins/lax/plugin.lua:3: plugin lax lets clerk fire authorise_notice; the statute allows only superintendent or above (statutory floor, Workflows/dvpo.lua:\(authorise))"
        )
    }

    @Test func aPluginMayRaiseTheRank() throws {
        #expect(loadError([("strict", Self.header("strict") + "p:require_rank(\"authorise_notice\", \"chief_superintendent\")\n")]) == nil)
    }

    @Test func aPluginMayNotAllowA30DayOrder() {
        let limit = Self.line(of: "dvpo:limit(\"order_days\"")
        let plugin = Self.header(
            "long", ", policies = { lengths = { type = \"integer_list\", default = { 14, 30 }, within = \"order_days\", summary = \"Lengths sought\" } }")
        #expect(
            loadError([("long", plugin)])
                == "Plugins/long/plugin.lua:1: policy lengths of plugin long allows 30; the statute allows 14 to 28 (CSA 2010 s.28(10); statutory floor, Workflows/dvpo.lua:\(limit))"
        )
    }

    @Test func aPluginMayNotChangeTheHearingClock() {
        let hearing = Self.line(of: "dvpo:clock(\"hearing\"")
        let plugin = Self.header("slow") + "p:clock(\"hearing\", { rule = \"counted_hours\", hours = 72, started_by = \"serve_notice\" })\n"
        #expect(
            loadError([("slow", plugin)])
                == "Plugins/slow/plugin.lua:2: plugin slow redeclares the statutory clock hearing (Workflows/dvpo.lua:\(hearing)); a plugin may add clocks but not change the statute's (statutory floor)"
        )
    }

    @Test func aPluginMayNotDropAMandatoryConsideration() {
        let authorise = Self.line(of: "dvpo:event(\"authorise_notice\"")
        let plugin = Self.header("skip") + "p:field(\"authorise_notice\", \"victim_opinion\", { \"text\", required = false })\n"
        #expect(
            loadError([("skip", plugin)])
                == "Plugins/skip/plugin.lua:2: plugin skip redeclares field victim_opinion of authorise_notice, which the national workflow declares (Workflows/dvpo.lua:\(authorise)); a plugin may add data but not change the statute's (statutory floor)"
        )
    }

    @Test func twoPluginsSettingOnePolicyWithoutPrecedenceConflict() {
        let base = Self.header("base", ", policies = { visits = { type = \"integer\", default = 3, summary = \"Visits\" } }")
        let a = Self.header("a", ", after = { \"base\" }") + "p:set(\"visits\", 4)\n"
        let b = Self.header("b", ", after = { \"base\" }") + "p:set(\"visits\", 5)\n"
        #expect(
            loadError([("a", a), ("b", b), ("base", base)])
                == "Plugins/b/plugin.lua:2: plugins a (Plugins/a/plugin.lua:2) and b both change policy visits; expected one to declare after = { \"a\" } or after = { \"b\" } to say which wins"
        )
        // Declaring which wins settles it: b comes after a.
        let bAfterA = Self.header("b", ", after = { \"base\", \"a\" }") + "p:set(\"visits\", 5)\n"
        #expect(loadError([("a", a), ("b", bAfterA), ("base", base)]) == nil)
    }

    @Test func twoPluginsChangingWhoMayFireAnEventConflict() {
        let a = Self.header("a") + "p:staff_role(\"clerk\")\np:allow(\"refuse_order\", \"clerk\")\n"
        let b = Self.header("b") + "p:require_rank(\"refuse_order\", \"sergeant\")\n"
        #expect(
            loadError([("a", a), ("b", b)])
                == "Plugins/b/plugin.lua:2: plugins a (Plugins/a/plugin.lua:3) and b both change who may fire refuse_order; expected one to declare after = { \"a\" } or after = { \"b\" } to say which wins"
        )
    }

    @Test func settingAnotherPluginsPolicyNeedsAfter() {
        let base = Self.header("base", ", policies = { visits = { type = \"integer\", default = 3, summary = \"Visits\" } }")
        let a = Self.header("a") + "p:set(\"visits\", \"four\")\n"
        #expect(
            loadError([("a", a), ("base", base)])
                == "Plugins/a/plugin.lua:2: plugin a sets policy visits of plugin base; expected after = { \"base\" } in plugin a, so that its value wins")
        let typed = Self.header("a", ", after = { \"base\" }") + "p:set(\"visits\", \"four\")\n"
        #expect(loadError([("a", typed), ("base", base)]) == "Plugins/a/plugin.lua:2: policy visits of plugin base must be a whole number; got text")
    }

    @Test func orderIsDeterministicTiesBrokenByName() throws {
        let sources =
            Self.national + [
                ScriptSource(path: "Plugins/zeta/plugin.lua", text: Self.header("zeta")),
                ScriptSource(path: "Plugins/alpha/plugin.lua", text: Self.header("alpha", ", order = 200")),
                ScriptSource(path: "Plugins/beta/plugin.lua", text: Self.header("beta")),
                ScriptSource(path: "Plugins/gamma/plugin.lua", text: Self.header("gamma", ", after = { \"zeta\" }")),
            ] + [Self.calendar]
        let procedure = try Procedure.load(sources: sources, force: "x")
        #expect(try procedure.workflow("dvpo").plugins.map(\.name) == ["beta", "zeta", "gamma", "alpha"])
        let other = try Procedure.load(sources: sources, force: "y")
        #expect(try other.workflow("dvpo").plugins.isEmpty)
        #expect(other.sources.allSatisfy { !$0.path.hasPrefix("Plugins/") })
    }
}

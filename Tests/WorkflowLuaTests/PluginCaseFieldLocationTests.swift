import Foundation
import Testing
import WorkflowCore
import WorkflowLua

/// A plugin's field that collides with a national field's case data is the plugin's to fix: the
/// error is located at the plugin's line. (A national event's field name is national data, so the
/// statutory floor refuses it before the case-data collision check would.)
@Suite("Plugin case field collisions are located at the plugin")
struct PluginCaseFieldLocationTests {
    @Test func aPluginEventKeepingANationalFieldNameOnTheCaseIsLocatedAtThePlugin() throws {
        let plugin = PluginLayeringTests.header("p")
            + "p:event('x1', { from = 'order_in_force', who = 'constable', data = { reason = { 'text', case = true, summary = 's' } } })\n"
        let message = try #require(PluginLayeringTests().loadError([("p", plugin)]))
        #expect(message.hasPrefix("Plugins/p/plugin.lua:2: field reason of "), "\(message)")
        #expect(message.contains("is data only the national procedure records (statutory floor)"), "\(message)")
    }
}

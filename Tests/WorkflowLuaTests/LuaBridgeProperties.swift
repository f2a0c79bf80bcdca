import CLua
import Foundation
import PropertyBased
import Testing
import WorkflowCore

@testable import WorkflowLua

/// The Lua value bridge on arbitrary values: what goes in comes back, and the stack balances.
@Suite("Fuzz: the Lua value bridge")
struct LuaBridgeProperties {
    static let scalars = Gen<WorkflowCore.Value>.oneOf(
        Gen<Int>.int(in: -1_000_000...1_000_000).map { WorkflowCore.Value.integer($0) },
        Gen<Bool>.bool.map { WorkflowCore.Value.bool($0) },
        Gen<Character>.letterOrNumber.string(of: 0...12).map { WorkflowCore.Value.string($0) },
        Gen<Double>.double(in: -1e6...1e6).map { WorkflowCore.Value.number($0) })

    static let values = Gen<WorkflowCore.Value>.oneOf(
        scalars,
        scalars.array(of: 1...5).map { WorkflowCore.Value.array($0) },
        zip(Gen<Character>.letter.string(of: 1...6), scalars).array(of: 0...5).map { pairs in
            WorkflowCore.Value.object(Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
        })

    @Test func arbitraryValuesRoundTrip() async throws {
        let lua = try LuaInterpreter()
        await propertyCheck(count: 1000, input: Self.values) { value in
            let height = lua.stackHeight
            lua.push(value)
            let back = lua.value(at: -1, path: "v")
            lua_settop(lua.state, height)
            // A float that is a whole number comes back as Lua made it: compare as numbers then.
            switch (value, try back.get()) {
            case (.number(let a), .number(let b)): #expect(a == b)
            case (let a, let b): #expect(a == b)
            }
            #expect(lua.stackHeight == height)
        }
    }
}

import CLua
import Foundation
import Testing
import WorkflowCore

@testable import WorkflowLua

@Suite("Editor support: Definitions/engine.lua")
struct EditorDefinitionTests {
    @Test func everyEngineFunctionIsDeclaredForEditors() throws {
        let definitions = try String(
            contentsOf: Scripts.shipped.root.appendingPathComponent("Definitions/engine.lua"), encoding: .utf8)
        let lua = try LuaInterpreter()
        _ = lua.run(ScriptSource(path: "probe.lua", text: "probe = engine.sorted_keys(engine)"))
        lua_getglobal(lua.state, "probe")
        let keys = try lua.value(at: -1, path: "probe").get().arrayValue?.compactMap(\.stringValue) ?? []
        lua_settop(lua.state, 0)
        #expect(keys.count >= 7)
        for key in keys {
            #expect(definitions.contains("engine.\(key)"), "engine.\(key) is missing from Definitions/engine.lua")
        }
        for method in ["staff_role", "allow", "require_rank", "field", "set", "state", "event", "guard", "action", "clock", "limit"] {
            #expect(definitions.contains(":\(method)("), "\(method) is missing from Definitions/engine.lua")
        }
    }
}

/// `Definitions/engine.lua` checked field by field against `DeclarationSchema`: every key of every
/// kind of declaration is documented with its type (optional keys as `|nil`), and nothing more.
@Suite("Editor support: Definitions/engine.lua matches the declaration schema")
struct EditorSchemaTests {
    static let definitions = try! String(
        contentsOf: Scripts.shipped.root.appendingPathComponent("Definitions/engine.lua"), encoding: .utf8)

    /// `---@alias Name type`, by name.
    static var aliases: [String: String] {
        var result: [String: String] = [:]
        for line in definitions.split(separator: "\n") where line.hasPrefix("---@alias ") {
            let parts = line.dropFirst("---@alias ".count).split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            result[String(parts[0])] = Self.typeText(parts[1])
        }
        return result
    }

    /// Each `---@class Name` with its `---@field key type` lines.
    static var classes: [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var current: String?
        for line in definitions.split(separator: "\n") {
            if line.hasPrefix("---@class ") {
                let name = line.dropFirst("---@class ".count).split(separator: ":")[0].trimmingCharacters(in: .whitespaces)
                current = name
                result[name] = [:]
            } else if line.hasPrefix("---@field "), let name = current {
                let parts = line.dropFirst("---@field ".count).split(separator: " ", maxSplits: 1)
                result[name]?[String(parts[0])] = Self.typeText(parts[1])
            } else {
                current = nil
            }
        }
        return result
    }

    /// A type without its `# comment` and spaces.
    static func typeText(_ text: Substring) -> String {
        String(text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].filter { $0 != " " })
    }

    /// The type with every alias written out.
    static func expand(_ type: String) -> String {
        var result = type
        for (name, value) in aliases.sorted(by: { $0.key.count > $1.key.count }) {
            result = result.replacingOccurrences(
                of: "(?<![A-Za-z_\"])\(name)(?![A-Za-z_\"])", with: value, options: .regularExpression)
        }
        return result
    }

    /// How the schema's type reads in LuaCATS.
    static func luaCATS(_ type: SchemaType) -> String {
        switch type {
        case .boolean: "boolean"
        case .text, .name: "string"
        case .names: "string|string[]"
        case .integer: "integer"
        case .number: "number"
        case .any: "any"
        case .word(let words): words.map { "\"\($0)\"" }.joined(separator: "|")
        case .list(let item): "(\(luaCATS(item)))[]"
        case .map(let item): "table<string,\(luaCATS(item))>"
        case .declaration(let kind): DeclarationSchema.standard.kind(kind)!.editorClass
        case .either(let options): options.map(luaCATS).joined(separator: "|")
        }
    }

    @Test func everyDeclarationKeyIsDocumentedWithItsType() throws {
        let classes = Self.classes
        for kind in DeclarationSchema.standard.kinds {
            let documented = try #require(classes[kind.editorClass], "class \(kind.editorClass) is missing")
            #expect(Set(documented.keys) == Set(kind.keys.map(\.name)), "the keys of \(kind.editorClass)")
            for key in kind.keys {
                guard let type = documented[key.name] else { continue }
                let expected = Self.luaCATS(key.type) + (key.required || key.type == .any ? "" : "|nil")
                #expect(Self.expand(type) == Self.expand(expected), "\(kind.editorClass).\(key.name)")
            }
        }
    }

    @Test func theRanksAndFieldTypesAreTheEngines() {
        #expect(Self.aliases["Rank"] == DeclarationSchema.ranks.map { "\"\($0)\"" }.joined(separator: "|"))
        #expect(Self.aliases["FieldType"] == DeclarationSchema.fieldTypes.map { "\"\($0)\"" }.joined(separator: "|"))
    }

    @Test func aWronglyDocumentedKeyIsFound() {
        #expect(Self.expand("FieldType|nil") != Self.expand(Self.luaCATS(.boolean) + "|nil"))
        #expect(Self.luaCATS(.list(.word(["a", "b"]))) == "(\"a\"|\"b\")[]")
    }
}

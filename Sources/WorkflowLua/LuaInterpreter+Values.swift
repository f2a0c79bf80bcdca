import CLua
import WorkflowCore

/// Values across the bridge: `Value` to Lua and back. Lua integers stay integers, floats become
/// numbers; a table with keys 1…n is a list, one with string keys an object.
extension LuaInterpreter {
    /// Deepest nesting read back from Lua: deeper (or a cycle) is a script error, not a crash.
    static let maximumDepth = 32

    /// What pushing `value` costs: roughly the bytes Lua will hold for it, and its nesting depth.
    /// Hook arguments are measured before they are pushed, so no push can run out of memory.
    static func footprint(_ value: Value) -> (bytes: Int, depth: Int) {
        switch value {
        case .null, .bool, .integer, .number: return (16, 0)
        case .string(let s): return (s.utf8.count + 24, 0)
        case .array(let items):
            var total = (bytes: 56 + 16 * items.count, depth: 0)
            for item in items {
                let inner = footprint(item)
                total = (total.bytes + inner.bytes, max(total.depth, inner.depth))
            }
            return (total.bytes, total.depth + 1)
        case .object(let fields):
            var total = (bytes: 56 + 32 * fields.count, depth: 0)
            for (key, item) in fields {
                let inner = footprint(item)
                total = (total.bytes + key.utf8.count + 24 + inner.bytes, max(total.depth, inner.depth))
            }
            return (total.bytes, total.depth + 1)
        }
    }

    func push(_ value: Value) {
        switch value {
        case .null: lua_pushnil(state)
        case .bool(let b): lua_pushboolean(state, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(state, lua_Integer(i))
        case .number(let d): lua_pushnumber(state, d)
        case .string(let s): pushString(s)
        case .array(let items):
            lua_createtable(state, Int32(clamping: items.count), 0)
            for (offset, item) in items.enumerated() {
                push(item)
                lua_rawseti(state, -2, lua_Integer(offset + 1))
            }
        case .object(let fields):
            lua_createtable(state, 0, Int32(clamping: fields.count))
            for (key, item) in fields {
                pushString(key)
                push(item)
                lua_rawset(state, -3)
            }
        }
    }

    func pushString(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) { lua_pushlstring(state, $0.baseAddress, $0.count) }
        }
    }

    /// The value at `index`, or a description of what could not be read and where
    /// (`changes.when: a function; expected text, a number, a boolean or a table`).
    func value(at index: Int32, path: String) -> Result<Value, BridgeProblem> {
        var remaining = sandbox.hookDataBytes
        return readValue(at: lua_absindex(state, index), path: path, depth: 0, remaining: &remaining)
    }

    private func readValue(at index: Int32, path: String, depth: Int, remaining: inout Int) -> Result<Value, BridgeProblem> {
        remaining -= 16
        guard remaining >= 0 else {
            return .failure(
                BridgeProblem(
                    "\(path.isEmpty ? "the result" : path): more than \(sandbox.hookDataBytes) bytes of data; expected at most that (the hook data limit)"))
        }
        switch lua_type(state, index) {
        case LUA_TNIL: return .success(.null)
        case LUA_TBOOLEAN: return .success(.bool(lua_toboolean(state, index) != 0))
        case LUA_TNUMBER:
            if lua_isinteger(state, index) != 0 { return .success(.integer(Int(sg_tointeger(state, index)))) }
            let number = sg_tonumber(state, index)
            guard number.isFinite else { return .failure(BridgeProblem("\(path): a number that is not finite; expected a finite number")) }
            return .success(.number(number))
        case LUA_TSTRING:
            var length = 0
            let pointer = sg_tostring(state, index, &length)!
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            remaining -= length
            guard remaining >= 0 else {
                return .failure(
                    BridgeProblem(
                        "\(path.isEmpty ? "the result" : path): more than \(sandbox.hookDataBytes) bytes of data; expected at most that (the hook data limit)"))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(BridgeProblem("\(path): text that is not valid UTF-8; expected UTF-8 text"))
            }
            return .success(.string(text))
        case LUA_TTABLE:
            guard depth < Self.maximumDepth else {
                return .failure(BridgeProblem("\(path): tables nested more than \(Self.maximumDepth) deep (or a cycle); expected plain data"))
            }
            guard lua_checkstack(state, 4) != 0 else {
                return .failure(BridgeProblem("\(path): tables nested too deep for the Lua stack; expected plain data"))
            }
            return readTable(at: index, path: path, depth: depth + 1, remaining: &remaining)
        default:
            let kind = String(cString: lua_typename(state, lua_type(state, index)))
            return .failure(BridgeProblem("\(path): a \(kind); expected text, a number, a boolean or a table"))
        }
    }

    /// Whether a table's key is a name (`order_days`, `Essex_note`), shown as it is in a problem.
    static func isName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return key.count <= 60 && key.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    private func readTable(at index: Int32, path: String, depth: Int, remaining: inout Int) -> Result<Value, BridgeProblem> {
        var integerKeys: [Int: Value] = [:]
        var stringKeys: [String: Value] = [:]
        lua_pushnil(state)
        while lua_next(state, index) != 0 {
            let keyType = lua_type(state, -2)
            if keyType == LUA_TNUMBER, lua_isinteger(state, -2) != 0 {
                let key = Int(sg_tointeger(state, -2))
                switch readValue(at: lua_gettop(state), path: "\(path)[\(key)]", depth: depth, remaining: &remaining) {
                case .success(let item): integerKeys[key] = item
                case .failure(let problem):
                    sg_pop(state, 2)
                    return .failure(problem)
                }
            } else if keyType == LUA_TSTRING, let key = string(at: -2) {
                // A key the script made may be a case's value: only a name is shown in a problem.
                let shown = Self.isName(key) ? key : "[a key of \(key.count) characters]"
                switch readValue(at: lua_gettop(state), path: path.isEmpty ? shown : "\(path).\(shown)", depth: depth, remaining: &remaining) {
                case .success(let item): stringKeys[key] = item
                case .failure(let problem):
                    sg_pop(state, 2)
                    return .failure(problem)
                }
            } else {
                sg_pop(state, 2)
                return .failure(BridgeProblem("\(path): a table with a key that is neither text nor a whole number; expected a list or a record"))
            }
            sg_pop(state, 1)
        }
        if integerKeys.isEmpty { return .success(.object(stringKeys)) }
        guard stringKeys.isEmpty, integerKeys.keys.min() == 1, integerKeys.keys.max() == integerKeys.count else {
            return .failure(BridgeProblem("\(path): a table mixing list items and named fields, or a list with gaps; expected one or the other"))
        }
        return .success(.array((1...integerKeys.count).map { integerKeys[$0]! }))
    }
}

import CLua
import Foundation

/// The engine prelude compiled once a process. Each interpreter runs the same prelude files, and
/// a procedure makes one interpreter per workflow file and per plugin folder, so compiling the
/// prelude's text again for each was most of loading a procedure (profiled). The first
/// interpreter compiles each file from its text and dumps the function (`lua_dump`, debug
/// information kept, so errors still name `@engine/<file>.lua` and its line); the others load
/// those bytes. Only these bytes, made in this process, are ever loaded as a binary chunk:
/// scripts are always compiled from text.
enum PreludeBytecode {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var compiled: [String: [UInt8]] = [:]
    nonisolated(unsafe) private static var reusedCount = 0
    /// How many chunks were loaded from bytes dumped earlier (for tests).
    static var reused: Int { lock.withLock { reusedCount } }

    /// Pushes the prelude file `name` compiled (or an error message), and returns Lua's status.
    static func load(_ state: OpaquePointer, name: String, text: String) -> Int32 {
        if let bytes = lock.withLock({ compiled[name] }) {
            let status = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(state, $0.baseAddress, $0.count, name, "b") }
            }
            if status == LUA_OK {
                lock.withLock { reusedCount += 1 }
                return status
            }
            sg_pop(state, 1)
        }
        let status = text.withCString { sg_loadtext(state, $0, strlen($0), name) }
        guard status == LUA_OK else { return status }
        var bytes: [UInt8] = []
        let dumped = withUnsafeMutablePointer(to: &bytes) { target in
            lua_dump(
                state,
                { _, data, size, target in
                    guard let data, let target else { return 1 }
                    target.assumingMemoryBound(to: [UInt8].self).pointee.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size))
                    return 0
                }, target, 0)
        }
        if dumped == 0 { lock.withLock { compiled[name] = bytes } }
        return status
    }
}

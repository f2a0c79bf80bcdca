/// The Lua half of the engine API: the `engine` table scripts declare procedures with, and the
/// sandbox around them. It is the Lua files in `Prelude/`, embedded at build time by the EmbedLua
/// plugin (`EmbeddedPrelude`), and runs first in every interpreter, one file at a time in `order`.
///
/// Each file is its own chunk, `@engine/<file>.lua`, so an error in it names its own file and line;
/// each receives the engine's private table `P` (which holds the schema and the Swift primitives,
/// and which the files share their functions through) and never hands it to a script. The first
/// file keeps `debug.getinfo` privately and removes everything scripts must not reach; the
/// declarations check their arguments against the schema and raise at the script's own line.
/// After the last file, `P.registry` holds the declarations, which Swift reads as plain data.
enum EnginePrelude {
    /// The files in the order they run: each may use what the ones before it put in `P`.
    static let order = [
        "sandbox.lua", "budgets.lua", "schema.lua", "declarations.lua", "plugins.lua", "helpers.lua", "determinism.lua", "seal.lua",
    ]

    /// The prefix of each file's chunk name; `P.is_engine` recognises the engine's frames by it.
    static let chunkPrefix = "@engine/"

    /// Each file's chunk name and text, in order.
    static var chunks: [(name: String, text: String)] {
        order.map { (chunkPrefix + $0, EmbeddedPrelude.files[$0] ?? "") }
    }
}

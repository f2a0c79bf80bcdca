/// A Lua value that cannot cross into Swift, and where it was (`changes.when: a function; …`).
struct BridgeProblem: Error, Hashable {
    let message: String

    init(_ message: String) { self.message = message }
}

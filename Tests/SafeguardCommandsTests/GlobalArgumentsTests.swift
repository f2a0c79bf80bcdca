import SafeguardCommands
import Testing

@Suite("Global options before the subcommand")
struct GlobalArgumentsTests {
    @Test(arguments: [
        (["--db", "cases.sqlite", "show", "C1"], ["show", "--db", "cases.sqlite", "C1"]),
        (["--json", "show", "C1"], ["show", "--json", "C1"]),
        (["--scripts=./s", "--json", "check"], ["check", "--scripts=./s", "--json"]),
        (["--lua-instructions", "5", "--lua-memory-mb", "8", "test", "a.lua"], ["test", "--lua-instructions", "5", "--lua-memory-mb", "8", "a.lua"]),
        (["show", "C1", "--db", "cases.sqlite"], ["show", "C1", "--db", "cases.sqlite"]),
        (["--json"], ["--json"]),
        (["--db"], ["--db"]),
        (["--version"], ["--version"]),
        (["--db", "x", "--help"], ["--db", "x", "--help"]),
    ])
    func reorders(_ given: [String], _ expected: [String]) {
        #expect(GlobalArguments.reordered(given) == expected)
    }
}

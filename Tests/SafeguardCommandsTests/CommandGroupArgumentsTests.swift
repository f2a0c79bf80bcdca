import SafeguardCommands
import Testing

/// Global options that lead a command group (`staff add`) go after its subcommand, where they are parsed.
@Suite("Global options before a command group")
struct CommandGroupArgumentsTests {
    @Test func leadingOptionsGoAfterTheGroupsSubcommand() {
        #expect(
            GlobalArguments.reordered(["--db", "x.sqlite", "--token-file", "adm.token", "staff", "add", "--id", "PC1"])
                == ["staff", "add", "--db", "x.sqlite", "--token-file", "adm.token", "--id", "PC1"])
        #expect(GlobalArguments.reordered(["--key-file", "k", "verify"]) == ["verify", "--key-file", "k"])
        #expect(
            GlobalArguments.reordered(["--token-file", "adm.token", "key", "rotate", "--reason", "r"])
                == ["key", "rotate", "--token-file", "adm.token", "--reason", "r"])
    }
}

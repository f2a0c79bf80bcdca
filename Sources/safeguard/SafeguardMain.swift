import SafeguardCommands

@main
enum SafeguardMain {
    static func main() {
        // Global options may lead the subcommand: `safeguard --db cases.sqlite show C1`.
        Safeguard.main(arguments: GlobalArguments.reordered(Array(CommandLine.arguments.dropFirst())))
    }
}

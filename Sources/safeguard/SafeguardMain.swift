import SafeguardCommands

@main
enum SafeguardMain {
    static func main() {
        // Global options may lead the subcommand: `safeguard --db cases.sqlite show C1`.
        Safeguard.main(GlobalArguments.reordered(Array(CommandLine.arguments.dropFirst())))
    }
}

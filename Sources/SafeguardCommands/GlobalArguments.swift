/// Lets the global options come before the subcommand too: `safeguard --db cases.sqlite show C1`
/// reads as `safeguard show --db cases.sqlite C1`. swift-argument-parser parses a subcommand's
/// option group only after the subcommand's name, so the options that lead the command line are
/// moved to just after it, before the parser sees them.
public enum GlobalArguments {
    /// Global options that take a value, and those that do not.
    static let valued: Set<String> = [
        "--db", "--scripts", "--lua-instructions", "--lua-memory-mb", "--busy-timeout", "--durability", "--token-file", "--key-file",
    ]
    static let flags: Set<String> = ["--json"]
    /// Commands whose options belong to their subcommands.
    static let groups: Set<String> = ["staff", "key"]

    /// The arguments (without the program's name) with leading global options moved after the
    /// subcommand; unchanged when none lead or no subcommand follows them.
    public static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) {
                leading.append(argument)
                index += 1
            } else if valued.contains(name), argument.contains("=") {
                leading.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, !arguments[index].hasPrefix("-") else { return arguments }
        // A command group (`staff add`): the options go after its subcommand.
        if groups.contains(arguments[index]), index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") {
            return [arguments[index], arguments[index + 1]] + leading + arguments[(index + 2)...]
        }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}

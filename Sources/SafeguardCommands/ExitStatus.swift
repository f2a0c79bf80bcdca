import ArgumentParser
import WorkflowCore

/// The exit codes, one per kind of failure, documented in `--help` and the README.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let refused: Int32 = 1
    public static let badInput: Int32 = 2
    public static let scriptError: Int32 = 3
    public static let storageConflict: Int32 = 4
    public static let storageError: Int32 = 5
    /// swift-argument-parser's code for a command line it cannot parse (EX_USAGE).
    public static let usage: Int32 = 64

    public static func code(for kind: WorkflowError.Kind) -> Int32 {
        switch kind {
        case .refused: refused
        case .badInput: badInput
        case .script: scriptError
        case .conflict: storageConflict
        case .storage: storageError
        }
    }

    /// The table shown in `safeguard --help`.
    public static let help = """
        Exit codes:
          0   success
          1   refused by the workflow: wrong state, rank too low, a rule
          2   bad input: unknown case or event, bad data, malformed time
          3   script error: a script failed to load or run (file:line)
          4   storage conflict: another writer held the case or database
          5   storage error: the database could not be opened or written
          64  usage: the command line could not be parsed
        """
}

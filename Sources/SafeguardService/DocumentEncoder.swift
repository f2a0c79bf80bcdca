import Foundation
import WorkflowCore

/// The one encoder every output document is printed with, by the command line's `--json` and
/// any later HTTP API alike: keys sorted, slashes as they are.
public enum DocumentEncoder {
    public static func json(_ document: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("null".utf8), as: UTF8.self)
    }
}

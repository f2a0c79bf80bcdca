import Foundation
import WorkflowCore

/// The data keys the national procedure's actions record, read from their source: every name an
/// action's body assigns (`return { notice_lapsed = true }`), from its declaration line to the end
/// of its function. It reads more than the action returns (a table's keys, not only the result's),
/// which only widens the data a force's action may not write.
enum NationalRecords {
    static func keys(of definition: WorkflowDefinition, in sources: [ScriptSource]) -> Set<String> {
        guard let floor = StatutoryFloor.regime(definition.name),
            let text = sources.first(where: { $0.path == floor.nationalFile })?.text
        else { return [] }
        let lines = Self.lines(of: text)
        var keys: Set<String> = []
        for action in definition.events.flatMap(\.actions) where floor.isNational(action.location) {
            // The body runs until the next line that starts in the first column (`end)`).
            for line in body(of: action, in: lines) { keys.formUnion(assigned(in: line)) }
        }
        return keys
    }

    /// What a force's actions appear to write of the national data (`nationalData`): each action
    /// with the protected names its body assigns, read as the national actions are. Dynamic keys
    /// (`t[name] = v`) are not seen, so this only warns (`check`); the engine refuses the write
    /// itself when the action runs.
    static func pluginWrites(of definition: WorkflowDefinition, in sources: [ScriptSource]) -> [(action: Action, event: String, keys: [String])] {
        guard let floor = StatutoryFloor.regime(definition.name) else { return [] }
        let protected = floor.nationalData(of: definition)
        var found: [(Action, String, [String])] = []
        for event in definition.events {
            for action in event.actions where !floor.isNational(action.location) {
                guard let text = sources.first(where: { $0.path == action.location.file })?.text else { continue }
                let keys = Set(body(of: action, in: lines(of: text)).flatMap(assigned(in:))).intersection(protected)
                if !keys.isEmpty { found.append((action, event.name, keys.sorted())) }
            }
        }
        return found
    }

    /// An action's lines: from its declaration to the next line that starts in the first column.
    static func body(of action: Action, in lines: [String]) -> [String] {
        let start = action.location.line - 1
        var index = start
        var body: [String] = []
        while index < lines.count, index == start || lines[index].first.map({ $0 == " " || $0 == "\t" }) ?? true {
            body.append(lines[index])
            index += 1
        }
        return body
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, cut by bytes instead of
    /// by `Character` (which measures every grapheme of the script, most of loading a procedure
    /// for one `fire`): a line feed is a `Character` of its own except after a carriage return,
    /// where the two are one `Character`, so the lines are the same.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
            lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
        }
        lines.append(String(decoding: bytes[start...], as: UTF8.self))
        return lines
    }

    private static let assignment = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9_.:"'\[])([a-z_][a-z0-9_]*)\s*=(?!=)"#)

    /// The names `line` assigns, outside its comment and not as `local` variables.
    static func assigned(in line: String) -> [String] {
        let code = line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? line
        let range = NSRange(code.startIndex..., in: code)
        return assignment.matches(in: code, range: range).compactMap { match in
            guard let name = Range(match.range(at: 1), in: code) else { return nil }
            let before = code[..<name.lowerBound].trimmingCharacters(in: .whitespaces)
            return before.hasSuffix("local") ? nil : String(code[name])
        }
    }
}

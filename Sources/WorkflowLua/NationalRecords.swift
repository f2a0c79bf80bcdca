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

    /// The names `line` assigns, outside its comment and not as `local` variables: each name
    /// (`[a-z_][a-z0-9_]*`) not run on from a word, a field access, a string or an index
    /// (`x.name`, `"name`, `[name`), followed by `=` (with spaces between, as Lua allows) that is
    /// not `==`. Read byte by byte: a regular expression here was a tenth of loading a procedure
    /// for one `fire`.
    static func assigned(in line: String) -> [String] {
        let bytes = Array(line.utf8)
        var end = bytes.count
        if let dash = bytes.indices.dropLast().first(where: { bytes[$0] == 0x2D && bytes[$0 + 1] == 0x2D }) { end = dash }
        var names: [String] = []
        var index = 0
        while index < end {
            let first = bytes[index]
            guard isNameStart(first), index == 0 || !runsOn(bytes[index - 1]) else {
                index += 1
                continue
            }
            var after = index + 1
            while after < end, isNameStart(bytes[after]) || (0x30...0x39).contains(bytes[after]) { after += 1 }
            var equals = after
            while equals < end, isSpace(bytes[equals]) { equals += 1 }
            if equals < end, bytes[equals] == 0x3D, equals + 1 >= end || bytes[equals + 1] != 0x3D {
                if !declaredLocal(bytes, before: index) { names.append(String(decoding: bytes[index..<after], as: UTF8.self)) }
                index = equals + 1
            } else {
                index = after
            }
        }
        return names
    }

    /// White space as Lua's lexer knows it (a line cut from a file with CR LF endings keeps them).
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// `a`–`z` or `_`: what a name assigned here starts with, and (with digits) goes on with.
    private static func isNameStart(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || byte == 0x5F }

    /// A byte a name cannot follow and still be assigned: a letter, digit or `_` (the name is part
    /// of a longer word), `.` or `:` (a field), a quote (a string) or `[` (an index).
    private static func runsOn(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2E, 0x3A, 0x22, 0x27, 0x5B: return true
        default: return false
        }
    }

    /// Whether the line before `index`, spaces and tabs at its end left out, ends with `local`.
    private static func declaredLocal(_ bytes: [UInt8], before index: Int) -> Bool {
        var end = index
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end >= 5 && bytes[(end - 5)..<end].elementsEqual("local".utf8)
    }
}

import Foundation
import PropertyBased
import Testing

@testable import WorkflowLua

/// Issue 19: the names an action's line assigns are read byte by byte, into the names the regular
/// expression it replaces found: `(?<![A-Za-z0-9_.:"'\[])([a-z_][a-z0-9_]*)\s*=(?!=)` outside the
/// comment, `local` names left out; `\s` is now the white space Lua's own lexer knows (ASCII), as
/// no other space can stand between a name and `=` in a script that loads.
@Suite("The names a national action's line assigns")
struct NationalRecordsAssignedTests {
    static let pieces: [String] = [
        "a", "notice_lapsed", "x1", "_", "B", "9", " ", "\t", "=", "==", "~=", "<=", ".", ":", "\"", "'", "[", "]", "{", "}", ",",
        "--", "-", "local", "local ", "return", "é", "\r", "\r\n", "(",
    ]

    /// The regular expression the scanner replaced, kept here as the oracle.
    static func byExpression(_ line: String) -> [String] {
        let assignment = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9_.:"'\[])([a-z_][a-z0-9_]*)[ \t\n\r\x{0B}\x{0C}]*=(?!=)"#)
        let code = line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? line
        return assignment.matches(in: code, range: NSRange(code.startIndex..., in: code)).compactMap { match in
            guard let name = Range(match.range(at: 1), in: code) else { return nil }
            return code[..<name.lowerBound].trimmingCharacters(in: .whitespaces).hasSuffix("local") ? nil : String(code[name])
        }
    }

    @Test func readsWhatALineAssigns() {
        #expect(NationalRecords.assigned(in: "  return { notice_lapsed = true, ends_at = t.x }") == ["notice_lapsed", "ends_at"])
        #expect(NationalRecords.assigned(in: "  local seen = case.data.x == 1 -- note = 2") == [])
        #expect(NationalRecords.assigned(in: #"  t.key = 1; t["k"] = 2; s = "a = b"; days=3"#) == ["s", "days"])
        #expect(NationalRecords.assigned(in: "if a == b then c = d end") == ["c"])
    }

    @Test func readsTheNamesTheExpressionFound() async {
        let lines = Gen<Int>.int(in: 0...Self.pieces.count - 1).map { Self.pieces[$0] }.array(of: 0...24).map { $0.joined() }
        await propertyCheck(count: 2000, input: lines) { line in
            #expect(NationalRecords.assigned(in: line) == Self.byExpression(line))
        }
    }
}

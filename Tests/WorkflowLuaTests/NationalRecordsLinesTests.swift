import PropertyBased
import Testing

@testable import WorkflowLua

/// Issue 19: the national script is cut into lines by bytes, into exactly the lines splitting it
/// by `Character` gave (a carriage return and a line feed together are one `Character`).
@Suite("The national script's lines")
struct NationalRecordsLinesTests {
    static let pieces: [String] = ["a", " ", "\n", "\r", "\r\n", "\n\r", "é", "e\u{301}", "\n\u{301}", "💷", "--", "x = 1"]

    @Test func linesAreThoseOfSplittingByCharacter() async {
        #expect(NationalRecords.lines(of: "a\r\nb\nc\r\r\nd\n") == ["a\r\nb", "c\r\r\nd", ""])
        let texts = Gen<Int>.int(in: 0...Self.pieces.count - 1).map { Self.pieces[$0] }.array(of: 0...30).map { $0.joined() }
        await propertyCheck(count: 1000, input: texts) { text in
            #expect(NationalRecords.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }
}

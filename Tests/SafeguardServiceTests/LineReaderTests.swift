import Foundation
import Testing

@testable import SafeguardService

/// `apply`'s reader: lines as bytes, CR LF and a last line without a newline taken as lines, a
/// line across the reader's 64 KiB chunks whole, and a line over the limit flagged, with reading
/// going on after it.
@Suite("Reading JSON Lines")
struct LineReaderTests {
    func lines(_ bytes: [UInt8]) throws -> [(String, Bool, Int)] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: path)))
        var read: [(String, Bool, Int)] = []
        while let (line, tooLong) = reader.next() { read.append((String(decoding: line, as: UTF8.self), tooLong, reader.number)) }
        return read
    }

    @Test func linesEndingsAndTheLastLine() throws {
        let read = try lines(Array("a\r\n\nb\rc\nlast".utf8))
        #expect(read.map(\.0) == ["a", "", "b\rc", "last"])
        #expect(read.map(\.2) == [1, 2, 3, 4])
        #expect(try lines(Array("one\n".utf8)).map(\.0) == ["one"])
        #expect(try lines([]).isEmpty)
    }

    @Test func aLineAcrossChunksIsWholeAndATooLongLineIsFlagged() throws {
        let long = String(repeating: "x", count: 100_000)
        var bytes = Array(String(repeating: "y", count: 65_530).utf8) + [0x0A] + Array(long.utf8) + [0x0A]
        bytes += Array(String(repeating: "z", count: LineReader.limit + 10).utf8) + Array("\nafter\n".utf8)
        let read = try lines(bytes)
        #expect(read.count == 4)
        #expect(read[0].0.count == 65_530 && !read[0].1)
        #expect(read[1].0 == long && !read[1].1)
        #expect(read[2].1)
        #expect(read[3].0 == "after" && !read[3].1 && read[3].2 == 4)
    }
}

import Foundation

/// Reads a file or standard input a line at a time, as bytes (so a line that is not UTF-8 is
/// reported, not repaired), in large chunks. A line longer than `limit` is returned truncated and
/// flagged, and reading goes on after its end.
public struct LineReader {
    public static let limit = 1 << 20

    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false
    public private(set) var number = 0

    public init(handle: FileHandle) { self.handle = handle }

    /// The next line (without its newline), whether it was too long, or nil at the end.
    public mutating func next() -> (line: Data, tooLong: Bool)? {
        var tooLong = false
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.last == 0x0D { line = line.dropLast() }
                number += 1
                return (Data(line), tooLong || line.count > Self.limit)
            }
            if buffer.count > Self.limit {
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
            }
            if finished {
                guard !buffer.isEmpty || tooLong else { return nil }
                let line = buffer
                buffer.removeAll()
                number += 1
                return (line, tooLong)
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}

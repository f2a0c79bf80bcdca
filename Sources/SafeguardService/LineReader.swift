import Foundation

/// Reads a file or standard input a line at a time, as bytes (so a line that is not UTF-8 is
/// reported, not repaired), in large chunks. A line longer than `limit` is returned truncated and
/// flagged, and reading goes on after its end.
public struct LineReader {
    public static let limit = 1 << 20

    private let handle: FileHandle
    /// Bytes read and not yet returned start at `start`: a line is cut off by moving `start`, and
    /// the bytes before it are dropped only when the next chunk is read (dropping them for every
    /// line moved the rest of the chunk each time, a tenth of `apply`'s reading cost).
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    public private(set) var number = 0

    public init(handle: FileHandle) { self.handle = handle }

    /// The next line (without its newline), whether it was too long, or nil at the end.
    public mutating func next() -> (line: Data, tooLong: Bool)? {
        var tooLong = false
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Data(buffer[start..<end])
                start = newline + 1
                number += 1
                return (line, tooLong || line.count > Self.limit)
            }
            if buffer.count - start > Self.limit {
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            searched = buffer.count
            if finished {
                guard start < buffer.count || tooLong else { return nil }
                let line = Data(buffer[start...])
                buffer.removeAll()
                start = 0
                number += 1
                return (line, tooLong)
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty {
                finished = true
            } else {
                buffer.removeFirst(start)
                searched -= start
                start = 0
                buffer.append(contentsOf: chunk)
            }
        }
    }
}

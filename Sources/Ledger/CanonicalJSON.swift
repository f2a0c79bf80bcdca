import Foundation
import WorkflowCore

/// The JSON every store writes and hashes, whatever its backend: keys sorted, no insignificant
/// space, instants as fixed-width UTC text, absent optionals left out, whole numbers and doubles
/// kept apart (a double always has a fraction or an exponent: `7.0`, `1e+16`). Written by hand
/// because Foundation's generic encoder was the largest cost of `apply` (profiled with perf), and
/// because the hash chain needs one byte-exact form; `CanonicalJSONReader` reads it back exactly.
public enum CanonicalJSON {
    public static func text(_ value: Value) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func write(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .number(let d):
            // Swift's description is the shortest text that reads back as the same double, and
            // always has a fraction or an exponent, so it never reads back as a whole number.
            out.append(contentsOf: (d.isFinite ? d.description : "null").utf8)
        case .string(let s): string(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            // Sorted by UTF-8 bytes, not by Swift's Unicode-aware comparison: the order is the same
            // in every process and every language that reads the log.
            // The pairs are sorted, not the keys, so no value is looked up (hashing its key) again.
            for (index, field) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                string(field.key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(field.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: the text's UTF-8 as it is, with quotes, backslashes and control characters escaped.
    /// Runs of bytes that need no escape are copied whole from the string's own storage.
    static func string(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                escape(byte, to: &out)
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A quote, a backslash or a control character as its JSON escape.
    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
        }
    }
}

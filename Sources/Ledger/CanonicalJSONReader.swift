import WorkflowCore

/// Reads JSON into a `Value` exactly: a number with a fraction or an exponent is a double, one
/// without is a whole number, so what `CanonicalJSON` writes reads back as the same value. Strict
/// where Foundation is lenient: a duplicate key, a control character inside a string, text after
/// the value or nesting deeper than `maximumDepth` is an error, never a silent choice.
///
///     let value = try CanonicalJSONReader.value(Array(#"{"days":28,"rate":7.0}"#.utf8))
///     // .object(["days": .integer(28), "rate": .number(7.0)])
public struct CanonicalJSONReader {
    /// What was wrong, and at which byte offset.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The one value `bytes` hold, with nothing but white space around it.
    public static func value(_ bytes: [UInt8]) throws(Problem) -> Value {
        var reader = CanonicalJSONReader(bytes)
        reader.skipSpace()
        let value = try reader.readValue()
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.problem("text after the value") }
        return value
    }

    public static func value(_ text: String) throws(Problem) -> Value { try value(Array(text.utf8)) }

    private func problem(_ reason: String) -> Problem { Problem(offset: index, reason: reason) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func readValue() throws(Problem) -> Value {
        guard index < bytes.count else { throw problem("the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try nested { (reader: inout CanonicalJSONReader) throws(Problem) in try reader.readObject() }
        case UInt8(ascii: "["): return try nested { (reader: inout CanonicalJSONReader) throws(Problem) in try reader.readArray() }
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw problem("a value was expected")
        }
    }

    private mutating func nested(_ body: (inout CanonicalJSONReader) throws(Problem) -> Value) throws(Problem) -> Value {
        depth += 1
        guard depth <= Self.maximumDepth else { throw problem("nested deeper than \(Self.maximumDepth) levels") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func literal(_ word: StaticString) throws(Problem) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw problem("a value was expected")
        }
        index += expected.count
    }

    private mutating func readObject() throws(Problem) -> Value {
        index += 1
        var fields: [String: Value] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw problem("a key in quotes was expected") }
            let keyOffset = index
            let key = try readString()
            guard fields[key] == nil else { throw Problem(offset: keyOffset, reason: "the key \"\(key.prefix(40))\" appears twice") }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw problem("':' was expected after a key") }
            index += 1
            skipSpace()
            fields[key] = try readValue()
            skipSpace()
            guard index < bytes.count else { throw problem("the text ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            } else {
                throw problem("',' or '}' was expected")
            }
        }
    }

    private mutating func readArray() throws(Problem) -> Value {
        index += 1
        var items: [Value] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try readValue())
            skipSpace()
            guard index < bytes.count else { throw problem("the text ends inside a list") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            } else {
                throw problem("',' or ']' was expected")
            }
        }
    }

    private mutating func readNumber() throws(Problem) -> Value {
        let start = index
        var isDouble = false
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { throw problem("a digit was expected") }
        guard bytes[digitsStart] != UInt8(ascii: "0") || index - digitsStart == 1 else {
            throw Problem(offset: digitsStart, reason: "a number may not start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isDouble = true
            index += 1
            let fraction = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > fraction else { throw problem("a digit was expected after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isDouble = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponent = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > exponent else { throw problem("a digit was expected in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isDouble {
            guard let double = Double(text), double.isFinite else { throw Problem(offset: start, reason: "the number is out of range") }
            return .number(double)
        }
        guard let integer = Int(text) else { throw Problem(offset: start, reason: "the whole number is out of range") }
        return .integer(integer)
    }

    private mutating func readString() throws(Problem) -> String {
        index += 1
        // Most strings have no escape: they are made straight from their bytes, checked as UTF-8
        // only when a byte is not ASCII.
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return try text(bytes[start..<index - 1], ascii: ascii)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw problem("the text ends inside a string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try text(out[...], ascii: false)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw problem("the text ends inside a string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): try readUnicodeEscape(into: &out)
                default: throw Problem(offset: index - 1, reason: "an unknown escape in a string")
                }
            case 0..<0x20:
                throw problem("a control character inside a string; expected it escaped")
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// A string's UTF-8 bytes as text. Decoding puts U+FFFD in place of bytes that are not UTF-8,
    /// so text that is valid comes back byte for byte and text that is not does not.
    private func text(_ utf8: ArraySlice<UInt8>, ascii: Bool) throws(Problem) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        guard ascii || text.utf8.elementsEqual(utf8) else { throw problem("a string is not valid UTF-8") }
        return text
    }

    /// `\uXXXX`, with a surrogate pair for a character beyond the Basic Multilingual Plane.
    private mutating func readUnicodeEscape(into out: inout [UInt8]) throws(Problem) {
        var scalar = try readHex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw problem("a lone surrogate in a string")
            }
            index += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw problem("a lone surrogate in a string") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw problem("a lone surrogate in a string")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw problem("an invalid character escape") }
        out.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    private mutating func readHex4() throws(Problem) -> UInt32 {
        guard index + 4 <= bytes.count else { throw problem("four hex digits were expected after \\u") }
        var result: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw problem("four hex digits were expected after \\u")
            }
            result = result << 4 | digit
            index += 1
        }
        return result
    }
}

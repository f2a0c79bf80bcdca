internal import GRDB

/// Reading a column whatever someone with the file put in it. GRDB traps when a value cannot be
/// converted to the type asked for (a blob where text was written, text in an integer column, a
/// NULL where a value must be); a tampered row must be a finding (`verify`, exit 5), never a crash.
extension Row {
    /// The column's text: text as it is, a blob's bytes read as UTF-8, a number written out; nil
    /// for NULL.
    func text(at index: Int) -> String? {
        switch (self[index] as DatabaseValue).storage {
        case .null: return nil
        case .string(let text): return text
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        }
    }

    /// The column's whole number; nil for NULL or anything but an integer.
    func integer(at index: Int) -> Int64? {
        guard case .int64(let number) = (self[index] as DatabaseValue).storage else { return nil }
        return number
    }

    /// The column's text exactly as `WHERE column = ?` compares it, for a column selected as
    /// `CASE WHEN typeof(c) = 'text' THEN CAST(c AS BLOB) END`: nil for anything but text, or for
    /// bytes that are not UTF-8 (which no value written by the engine is).
    func exactText(at index: Int) -> String? {
        guard case .blob(let bytes) = (self[index] as DatabaseValue).storage else {
            if case .string(let text) = (self[index] as DatabaseValue).storage, text.isEmpty { return text }
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }
}

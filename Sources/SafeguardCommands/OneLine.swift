/// Text made safe for one line of a terminal: control, format and line-separator characters that a
/// user's input may carry into a message (a newline in a case id, an escape sequence, a
/// right-to-left override) are written as `\u{…}`, so every failure is exactly one line.
enum OneLine {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import Foundation

/// Strict ISO 8601 instants with an offset, as every time flag and JSON field takes them.
///
///     Instant.parse("2026-05-23T10:00:00+01:00")   // a Date
///     Instant.parse("2026-05-23T10:00:00")          // nil: no offset
///
/// Written here rather than with `Date.ISO8601FormatStyle`, which accepts 30 February and
/// hour 24 and so cannot tell an officer that a time is malformed.
public enum Instant {
    /// What a malformed time is told it should look like.
    public static let expected = "ISO 8601 with an offset, like 2026-05-23T10:00:00Z or 2026-05-23T10:00:00+01:00"

    /// The instants the engine keeps: every one whose UTC value falls in years 1 to 9999, so that
    /// it is stored, sorted and read back as fixed-width text.
    public static let supportedRange = "0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z"
    static let earliestSecond = LocalDate(year: 1, month: 1, day: 1)!.daysSinceEpoch * 86_400
    static let latestSecond = LocalDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch * 86_400 + 86_399

    /// `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`, every part range-checked and the UTC value
    /// within `supportedRange`; nil otherwise.
    public static func parse(_ text: String) -> Date? {
        guard let (seconds, fraction) = components(text), (earliestSecond...latestSecond).contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Whether `text` is a well-formed instant whose UTC value lies outside `supportedRange`
    /// (a year 0000, or one of five digits, counts as such).
    public static func isOutOfRange(_ text: String) -> Bool {
        let year = text.prefix { $0.isASCII && $0.isNumber }
        if year == "0000" || (year.count > 4 && text.dropFirst(year.count).hasPrefix("-")) { return true }
        guard let (seconds, _) = components(text) else { return false }
        return !(earliestSecond...latestSecond).contains(seconds)
    }

    /// Whole UTC seconds since 1970 and the fraction of a second, when the text is well formed.
    private static func components(_ text: String) -> (Int, Double)? {
        let b = Array(text.utf8)
        guard b.count >= 17, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74, b[13] == 0x3A,
            let date = LocalDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
            let hour = Digits.number(b, 11, 2), hour < 24,
            let minute = Digits.number(b, 14, 2), minute < 60
        else { return nil }
        var i = 16
        var second = 0
        var fraction = 0.0
        if b[i] == 0x3A {  // ":" and seconds; without them, the minute's start (`T10:00Z`)
            guard b.count >= 20, let seconds = Digits.number(b, 17, 2), seconds < 60 else { return nil }
            second = seconds
            i = 19
        }
        if i < b.count, i == 19, b[i] == 0x2E {  // "."
            i += 1
            let start = i
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57, i - start < 9 {
                digits = digits * 10 + Int(b[i] - 48)
                i += 1
            }
            guard i > start, i < b.count, b[i] < 48 || b[i] > 57 else { return nil }
            // Kept to the millisecond, cut not rounded: instants are stored to the millisecond, and
            // rounding up could carry an event into the next day (or past year 9999).
            var millis = digits
            let count = i - start
            if count > 3 { for _ in 0..<(count - 3) { millis /= 10 } } else { for _ in count..<3 { millis *= 10 } }
            fraction = Double(millis) / 1000
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 0x5A || b[i] == 0x7A {  // "Z"
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {  // "+" or "-"
            guard i + 6 == b.count, b[i + 3] == 0x3A,
                let oh = Digits.number(b, i + 1, 2), oh <= 18,
                let om = Digits.number(b, i + 4, 2), om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == 0x2B ? 1 : -1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        return (date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset, fraction)
    }

    /// The instant in Europe/London with its offset: `2026-05-23T10:00:00+01:00`
    /// (milliseconds shown only when there are some).
    public static func format(_ date: Date) -> String {
        // Before railway time London's offset was not a whole minute (-00:01:15); show UTC then,
        // so every time printed can be typed back in.
        let offset = London.offset(at: date)
        return format(date, offsetSeconds: offset % 60 == 0 ? offset : 0)
    }

    /// The instant in UTC at fixed width, `2026-05-23T09:00:00.000Z`: what scripts see, so
    /// that comparing two instants as strings compares them in time.
    public static func formatUTC(_ date: Date) -> String {
        let (whole, millis) = split(date)
        let days = Int((Double(whole) / 86_400).rounded(.down))
        let rest = whole - days * 86_400
        let day = LocalDate(daysSinceEpoch: days)
        // Written into a fixed buffer: this runs several times for every event stored.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(day.year, 4, at: 0)
            buffer[4] = 0x2D
            put(day.month, 2, at: 5)
            buffer[7] = 0x2D
            put(day.day, 2, at: 8)
            buffer[10] = 0x54
            put(rest / 3600, 2, at: 11)
            buffer[13] = 0x3A
            put(rest % 3600 / 60, 2, at: 14)
            buffer[16] = 0x3A
            put(rest % 60, 2, at: 17)
            buffer[19] = 0x2E
            put(millis, 3, at: 20)
            buffer[23] = 0x5A
            return 24
        }
    }

    static func format(_ date: Date, offsetSeconds: Int) -> String {
        let (whole, millis) = split(date)
        var text = stamp(whole + offsetSeconds)
        if millis != 0 { text += "." + Digits.pad(millis, 3) }
        if offsetSeconds == 0 { return text + "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        return text + sign + Digits.pad(magnitude / 3600, 2) + ":" + Digits.pad(magnitude % 3600 / 60, 2)
    }

    /// Whole seconds and milliseconds, to the nearest millisecond (the resolution instants are
    /// written in), so that formatting what was parsed gives the same text.
    private static func split(_ date: Date) -> (Int, Int) {
        let totalMillis = Int((date.timeIntervalSince1970 * 1000).rounded())
        let whole = Int((Double(totalMillis) / 1000).rounded(.down))
        return (whole, totalMillis - whole * 1000)
    }

    private static func stamp(_ seconds: Int) -> String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        return LocalDate(daysSinceEpoch: days).description + "T" + Digits.pad(rest / 3600, 2) + ":"
            + Digits.pad(rest % 3600 / 60, 2) + ":" + Digits.pad(rest % 60, 2)
    }
}

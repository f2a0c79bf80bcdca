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

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, every part range-checked; nil otherwise.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74,
            b[13] == 0x3A, b[16] == 0x3A,
            let date = LocalDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
            let hour = Digits.number(b, 11, 2), hour < 24,
            let minute = Digits.number(b, 14, 2), minute < 60,
            let second = Digits.number(b, 17, 2), second < 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if b[i] == 0x2E {  // "."
            i += 1
            let start = i
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57, i - start < 9 {
                digits = digits * 10 + Int(b[i] - 48)
                i += 1
            }
            guard i > start, i < b.count, b[i] < 48 || b[i] > 57 else { return nil }
            var scale = 1.0
            for _ in start..<i { scale *= 10 }
            fraction = Double(digits) / scale
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
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The instant in Europe/London with its offset: `2026-05-23T10:00:00+01:00`
    /// (milliseconds shown only when there are some).
    public static func format(_ date: Date) -> String {
        format(date, offsetSeconds: London.offset(at: date))
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

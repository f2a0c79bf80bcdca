import WorkflowCore

/// A duration flag such as `48h`, `7d`, `90m` or `1d12h`: whole days, hours and minutes.
enum DurationOption {
    static func seconds(_ text: String, flag: String) throws(WorkflowError) -> Int {
        var total = 0
        var number = ""
        for character in text {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Int(number), let unit = ["d": 86_400, "h": 3600, "m": 60][String(character)] else {
                throw .badInput("malformed duration \"\(text)\" for \(flag); expected whole days, hours or minutes like 48h, 7d, 90m or 1d12h")
            }
            total += value * unit
            number = ""
        }
        guard number.isEmpty, total > 0 else {
            throw .badInput("malformed duration \"\(text)\" for \(flag); expected whole days, hours or minutes like 48h, 7d, 90m or 1d12h")
        }
        return total
    }

    /// `5h 10m`, `2d 3h`: a span for people.
    static func describe(seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(rest)m" }
        return "\(rest)m"
    }
}

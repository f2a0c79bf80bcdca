import SafeguardService
import WorkflowCore

/// A counted-time deadline's explanation, for a terminal and as JSON.
enum ClockText {
    /// ```
    /// hearing: 48 hours of counted time from Sat 23 May 2026 10:00 (2026-05-23T10:00:00+01:00)
    ///   Sat 23 May 2026  14h 00m counted   total 14h 00m
    ///   Sun 24 May 2026  Sunday, disregarded
    ///   …
    /// deadline: 2026-05-27T10:00:00+01:00
    /// ```
    static func describe(_ clock: String, _ explanation: ClockExplanation) -> String {
        var lines = [
            "\(clock): \(explanation.hours) hours of counted time from \(Instant.format(explanation.start)) (\(London.zoneName(at: explanation.start)))"
        ]
        for day in explanation.days {
            let flag = day.note == nil ? "" : "   (see note)"
            if let reason = day.disregarded {
                lines.append("  \(day.date.spoken)  \(reason)\(flag)")
            } else {
                lines.append("  \(day.date.spoken)  \(hours(day.counted)) counted   total \(hours(day.total))\(flag)")
            }
        }
        lines.append("deadline: \(Instant.format(explanation.due)) (\(London.zoneName(at: explanation.due)))")
        lines.append("bank holidays: \(explanation.tableName), table \(explanation.tableVersion)")
        lines += explanation.warnings.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }

    static func json(_ clock: String, _ explanation: ClockExplanation) -> Value {
        .object([
            "clock": .string(clock), "hours": .integer(explanation.hours), "from": Rendering.instant(explanation.start),
            "due": Rendering.instant(explanation.due), "table_version": .string(explanation.tableVersion),
            "days": .array(
                explanation.days.map { day in
                    .object([
                        "date": .string(day.date.description), "counted_seconds": .integer(day.counted),
                        "disregarded": day.disregarded.map(Value.string) ?? .null, "note": day.note.map(Value.string) ?? .null,
                    ])
                }),
            "notes": .array(explanation.warnings.map(Value.string)),
        ])
    }

    /// `14h 00m`
    static func hours(_ seconds: Int) -> String {
        let minutes = seconds / 60
        let text = String(minutes % 60)
        return "\(minutes / 60)h \(text.count == 1 ? "0" + text : text)m"
    }
}

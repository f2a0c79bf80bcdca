import Foundation

/// A scripts folder's table against the one the engine ships (`ShippedHolidays`): it may only add
/// days, each with a source, within `HolidayAdditionBound`.
extension HolidayTable {
    /// What this table changes in the shipped one: `problems` (a shipped day missing or of another
    /// kind, coverage cut short or stretched, a day added with no source or beyond
    /// `HolidayAdditionBound`), each at its line of `text` where it
    /// has one, and `additions`, the days it adds.
    public func againstShipped(path: String, text: String) -> (problems: [WorkflowError], additions: [HolidayEntry]) {
        let rule = "a force's table may add days, each with a source, but never remove or move a shipped one"
        var problems: [WorkflowError] = []
        if coversFrom > ShippedHolidays.coversFrom || coversTo < ShippedHolidays.coversTo {
            problems.append(
                .script(
                    "the table covers \(coversFrom) to \(coversTo); expected at least the shipped \(ShippedHolidays.coversFrom) to \(ShippedHolidays.coversTo) (\(rule))",
                    at: SourceLocation(file: path, line: Self.line(of: "\"covers\"", in: text))))
        }
        var shipped: Set<LocalDate> = []
        for (iso, kind) in ShippedHolidays.days {
            guard let date = LocalDate(iso: iso) else { continue }
            shipped.insert(date)
            let entry = days[date]
            if entry?.kind != kind {
                let found = entry.map { "it is \($0.kind.rawValue) here" } ?? "it is missing"
                problems.append(
                    .script(
                        "the shipped \(kind.rawValue) on \(iso) was removed or changed (\(found)); \(rule)",
                        at: SourceLocation(file: path, line: entry == nil ? Self.line(of: "\"days\"", in: text) : Self.line(of: "\"\(iso)\"", in: text))))
            } else if let entry, (entry.unsettled != nil) != ShippedHolidays.unsettled.contains(iso) {
                // Unsettled decides whether a clock counts the day: removing it would lengthen a
                // clock set to count such days, adding it (to Christmas Day, say) shorten another's.
                let change = entry.unsettled == nil ? "its \"unsettled\" was removed" : "\"unsettled\" was added to it"
                problems.append(
                    .script(
                        "the shipped \(kind.rawValue) on \(iso): \(change); whether a shipped day is unsettled is the engine's table (\(ShippedHolidays.version)), not a force's to change",
                        at: SourceLocation(file: path, line: Self.line(of: "\"\(iso)\"", in: text))))
            }
        }
        let additions = entries.filter { !shipped.contains($0.date) }
        for addition in additions where (addition.source ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(
                .script(
                    "\(addition.date) (\(addition.name)) is not a shipped bank holiday and has no source; expected \"source\": where it was proclaimed (a London Gazette notice, say)",
                    at: SourceLocation(file: path, line: Self.line(of: "\"\(addition.date)\"", in: text))))
        }
        problems += HolidayAdditionBound.problems(self, additions: additions, path: path, text: text)
        return (problems, additions)
    }

    /// The table with its version labelled by what it adds to the shipped one, each added day
    /// (`ew-2026-12-01+2026-06-05`, `?` after a day added as unsettled): the shipped days are the
    /// engine's, so the label names everything that counts in a clock, and `recompute` moves a
    /// deadline when the days change though the table's `version` did not.
    public func labelled(additions: [HolidayEntry]) -> HolidayTable {
        guard !additions.isEmpty else { return self }
        let added = additions.sorted { $0.date < $1.date }.map { "\($0.date)\($0.unsettled == nil ? "" : "?")" }
        let label = ([version] + added).joined(separator: "+")
        return (try? HolidayTable(name: name, version: label, coversFrom: coversFrom, coversTo: coversTo, entries: entries)) ?? self
    }

    /// The 1-based line of the first occurrence of `needle`, or 1.
    public static func line(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return 1 }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}

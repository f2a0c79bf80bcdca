import Foundation

/// Hides personal data in text a script wrote: a guard's refusal, a hook's `error(...)`, an
/// action's warning. Every value of a field marked `personal = true` that the case or the event
/// holds is replaced by the field's name in brackets wherever it appears in the text, so
/// `"dob=" .. case.data.perpetrator_dob` reaches the officer, the store and the server as
/// `dob=[perpetrator_dob]`; the rest of the text, and the `file:line`, stay as they were.
///
///     let mask = PersonalDataMask(workflow: dvpo, values: [snapshot.data, request.data])
///     mask.apply("too young: 2010-01-01")   // "too young: [perpetrator_dob]"
///
/// The rule: text and values are compared in Unicode's composed form (NFC), with letter case
/// ignored. A value of at least `phrase` (8) characters that is not all digits (an address, the
/// grounds, a date written with separators) is masked wherever it appears, even run into a word or
/// repeated (`Mill Lanes`, `1988-02-141988-02-14`); a shorter one, or all digits, only where it
/// stands whole (not continuing a word or a number: `safe` is not masked in `safeguard`, nor
/// `1988` in `19880`; `dob1988-02-14` is). A value shorter than `shortest` (3) characters once
/// trimmed is not masked, since masking it would blank every "a" or "12" in the text, nor is one
/// of the `answers` people give to a question ("none", "yes", "unknown"), which say nothing of
/// anyone and which the engine's own texts use. A date is masked in the forms people write it:
/// day, month and year in either British, American or ISO order, with `-`, `/`, `.`, `_` or a
/// space between them or nothing, with or without leading zeros (`14/2/1988`, `19880214`); a
/// number in the form Lua prints it; `true` and `false` never. Lists and objects are masked by
/// each value they hold. Longer values are masked first, so a value containing another is hidden
/// whole.
public struct PersonalDataMask: Sendable {
    /// Values shorter than this are never masked.
    public static let shortest = 3
    /// Values at least this long (and not all digits) are masked wherever they appear.
    public static let phrase = 8

    /// Answers that say nothing of anyone, never masked.
    public static let answers: Set<String> = ["none", "none made", "yes", "unknown", "not known", "n/a", "nil", "null"]

    /// Each value to hide with the field it came from, longest first.
    let replacements: [(value: String, field: String)]

    /// The mask for a workflow's personal fields (each event's, and the case field each is recorded
    /// under) with the values `data` holds: the case's data and the event's, as given and as checked.
    public init(workflow: WorkflowDefinition, values data: [[String: Value]]) {
        var fields: Set<String> = []
        for event in workflow.events {
            for field in event.fields where field.personal {
                fields.insert(field.name)
                if let alias = field.caseField { fields.insert(alias) }
            }
        }
        var found: [String: String] = [:]
        for values in data {
            for name in fields.sorted() {
                guard let value = values[name] else { continue }
                for form in Self.forms(of: value) {
                    let text = form.precomposedStringWithCanonicalMapping.lowercased()
                    if found[text] == nil { found[text] = name }
                }
            }
        }
        replacements = found.map { ($0.key, $0.value) }.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.value < b.value
        }
    }

    /// The texts a value may appear as in what a script writes.
    static func forms(of value: Value) -> [String] {
        switch value {
        case .null, .bool: return []
        case .integer(let number): return keep(String(number))
        case .number(let number):
            // Lua 5.4 prints a float with a fraction or ".0": 3.5, 28.0.
            guard number.rounded() == number, abs(number) < 1e15 else { return keep(String(number)) }
            return keep(String(Int(number)) + ".0") + keep(String(Int(number)))
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var forms = keep(trimmed)
            if let date = LocalDate(iso: trimmed), trimmed.count == 10 { forms += dateForms(date).flatMap(keep) }
            return forms
        case .array(let items): return items.flatMap(forms(of:))
        case .object(let fields): return fields.keys.sorted().flatMap { forms(of: fields[$0]!) }
        }
    }

    /// The ways people write a date: `14/02/1988`, `14-2-1988`, `1988.02.14`, `02/14/1988`, `19880214`.
    static func dateForms(_ date: LocalDate) -> [String] {
        let year = String(format: "%04d", date.year)
        let days = Set([String(format: "%02d", date.day), String(date.day)])
        let months = Set([String(format: "%02d", date.month), String(date.month)])
        var forms: Set<String> = []
        for separator in ["-", "/", ".", "_", " ", ""] {
            for day in days {
                for month in months {
                    // Without a separator only the padded forms read as one date.
                    if separator.isEmpty, day.count == 1 || month.count == 1 { continue }
                    forms.insert([day, month, year].joined(separator: separator))
                    forms.insert([month, day, year].joined(separator: separator))
                    forms.insert([year, month, day].joined(separator: separator))
                }
            }
        }
        return forms.sorted()
    }

    private static func keep(_ text: String) -> [String] {
        text.count >= shortest && !answers.contains(text.lowercased()) ? [text] : []
    }

    /// Whether a match at `range` stands whole: the characters either side do not continue the
    /// value's first or last character's run of letters, or of digits.
    static func standsWhole(_ range: Range<String.Index>, in text: String) -> Bool {
        func continues(_ a: Character, _ b: Character) -> Bool { (a.isLetter && b.isLetter) || (a.isNumber && b.isNumber) }
        if range.lowerBound > text.startIndex, continues(text[text.index(before: range.lowerBound)], text[range.lowerBound]) { return false }
        if range.upperBound < text.endIndex, continues(text[text.index(before: range.upperBound)], text[range.upperBound]) { return false }
        return true
    }

    /// Whether there is nothing to hide.
    public var isEmpty: Bool { replacements.isEmpty }

    /// The text with every personal value replaced by `[field]`.
    public func apply(_ given: String) -> String {
        guard !replacements.isEmpty else { return given }
        let text = given.precomposedStringWithCanonicalMapping
        // Every match in the original text, longest value first; a match overlapping one already
        // taken is part of a longer value and is hidden with it.
        var taken: [(range: Range<String.Index>, field: String)] = []
        for (value, field) in replacements {
            var start = text.startIndex
            while let range = text.range(of: value, options: [.caseInsensitive, .literal], range: start..<text.endIndex) {
                let loose = value.count >= Self.phrase && !value.allSatisfy(\.isNumber)
                if loose || Self.standsWhole(range, in: text), !taken.contains(where: { $0.range.overlaps(range) }) { taken.append((range, field)) }
                start = range.upperBound
            }
        }
        guard !taken.isEmpty else { return given }
        var masked = ""
        var position = text.startIndex
        for (range, field) in taken.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            masked += text[position..<range.lowerBound] + "[\(field)]"
            position = range.upperBound
        }
        return masked + text[position...]
    }

    /// A value with every text it holds masked (`export --redact`'s free text and copies).
    public func apply(_ value: Value) -> Value {
        switch value {
        case .string(let text): .string(apply(text))
        case .array(let items): .array(items.map(apply))
        case .object(let fields): .object(fields.mapValues(apply))
        default: value
        }
    }

    /// A script failure with its reason masked; its location stays.
    public func apply(_ failure: ScriptFailure) -> ScriptFailure {
        ScriptFailure(apply(failure.reason), at: failure.location)
    }
}

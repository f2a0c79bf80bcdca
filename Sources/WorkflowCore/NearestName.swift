/// The valid name nearest to a misspelt one, for "did you mean" in refusals: the same name
/// written differently (`Surrey`, `greater-manchester`), else the closest by edit distance when it
/// is close enough to be a slip (at most a third of the name's letters, and at most 3).
///
///     NearestName.suggestion(for: "surey", among: ["surrey", "sussex"])  // "surrey"
public enum NearestName {
    public static func suggestion(for text: String, among names: [String]) -> String? {
        let folded = fold(text)
        if let same = names.first(where: { fold($0) == folded }) { return same }
        let limit = min(3, max(1, folded.count / 3))
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = editDistance(Array(folded), Array(fold(name)))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        if let best { return best.name }
        // An abbreviation: the letters in order, starting alike (`supt`, `sgt`), when only one name fits.
        let abbreviations = names.filter { isAbbreviation(folded, of: fold($0)) }
        return abbreviations.count == 1 ? abbreviations[0] : nil
    }

    static func isAbbreviation(_ short: String, of long: String) -> Bool {
        guard short.count >= 2, short.count < long.count, short.first == long.first else { return false }
        var rest = Substring(long)
        for character in short {
            guard let index = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: index)...]
        }
        return true
    }

    /// ` (did you mean "surrey"?)`, or nothing when no name is near.
    public static func didYouMean(_ text: String, among names: [String]) -> String {
        suggestion(for: text, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Lower case, with spaces and hyphens as underscores.
    static func fold(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance, one row at a time.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}

import Foundation

/// Europe/London civil time, where every statutory clock counts its days.
/// The zone's rules come from the system's time-zone data through Foundation; the process's
/// own time zone is never consulted.
public enum London {
    private static let zone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/London") else {
            fatalError("no time-zone data for Europe/London: install the tzdata package")
        }
        return zone
    }()

    /// Seconds ahead of UTC at that instant: 0 (GMT) or 3600 (BST).
    public static func offset(at date: Date) -> Int { zone.secondsFromGMT(for: date) }

    /// The local calendar day the instant falls on.
    public static func date(of instant: Date) -> LocalDate {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offset(at: instant)
        return LocalDate(daysSinceEpoch: Int((Double(local) / 86_400).rounded(.down)))
    }

    /// The instant local midnight begins that day. UK clocks change at 01:00 UTC, so local
    /// midnight always exists and is never repeated.
    public static func startOfDay(_ date: LocalDate) -> Date {
        let midnightAsUTC = Double(date.daysSinceEpoch * 86_400)
        let first = midnightAsUTC - Double(offset(at: Date(timeIntervalSince1970: midnightAsUTC)))
        let corrected = midnightAsUTC - Double(offset(at: Date(timeIntervalSince1970: first)))
        return Date(timeIntervalSince1970: corrected)
    }

    /// "GMT" or "BST" for the instant.
    public static func zoneName(at date: Date) -> String { offset(at: date) == 0 ? "GMT" : "BST" }
}

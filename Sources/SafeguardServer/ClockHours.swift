/// Seconds of counted time as `14h 00m`.
enum ClockHours {
    static func text(_ seconds: Int) -> String {
        let minutes = seconds / 60
        let text = String(minutes % 60)
        return "\(minutes / 60)h \(text.count == 1 ? "0" + text : text)m"
    }
}

extension ClockDefinition.Rule {
    /// The rule as a person reads it: `48 counted hours`, `order period of order_days days`.
    public var summary: String {
        switch self {
        case .orderPeriod(let field): "order period of \(field) days"
        case .countedHours(let counted): "\(counted.hours) counted hours"
        case .elapsed(let hours): "\(hours) hours elapsed"
        case .calendarDays(let days): "\(days) calendar days"
        case .untilDate(let field): "until the date in \(field)"
        case .workingDays(let days): "\(days) working days"
        }
    }
}

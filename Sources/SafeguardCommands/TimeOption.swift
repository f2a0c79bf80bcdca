import Foundation
import WorkflowCore

/// An optional time flag: ISO 8601 with an offset, or `now()` (the configuration's clock) when absent.
enum TimeOption {
    static func parse(_ text: String?, flag: String, now: () -> Date) throws(WorkflowError) -> Date {
        guard let text else { return now() }
        guard let date = Instant.parse(text) else { throw .malformedTime(text, field: flag) }
        return date
    }

    /// An optional time flag, nil when absent.
    static func optional(_ text: String?, _ flag: String) throws(WorkflowError) -> Date? {
        guard let text else { return nil }
        guard let date = Instant.parse(text) else { throw .malformedTime(text, field: flag) }
        return date
    }
}

import Foundation
import WorkflowCore

/// An optional time flag: ISO 8601 with an offset, or `now()` (the configuration's clock) when absent.
enum TimeOption {
    static func parse(_ text: String?, flag: String, now: () -> Date) throws(WorkflowError) -> Date {
        guard let text else { return now() }
        guard let date = Instant.parse(text) else { throw .malformedTime(text, field: flag) }
        return date
    }
}

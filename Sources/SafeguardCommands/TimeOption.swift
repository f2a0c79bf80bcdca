import Foundation
import WorkflowCore

/// An optional time flag: ISO 8601 with an offset, or now when absent.
enum TimeOption {
    static func parse(_ text: String?, flag: String) throws(WorkflowError) -> Date {
        guard let text else { return Date() }
        guard let date = Instant.parse(text) else { throw .malformedTime(text, field: flag) }
        return date
    }
}

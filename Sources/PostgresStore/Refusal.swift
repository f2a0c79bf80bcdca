import Foundation

/// An event id whose transition was refused, remembered so that a re-run of the same input gives
/// what the first run gave.
struct Refusal {
    var eventID: String
    var caseID: String
    var reason: String
    var at: Date
}

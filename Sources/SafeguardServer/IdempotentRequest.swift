import Crypto
import Foundation
import SafeguardService
import WorkflowCore

/// An idempotency key (`Idempotency-Key`, or the body's event id) names one request: the same key
/// again with the same request changes nothing and answers the event recorded the first time; the
/// same key with a different request (another person, event, case, data, time or role) is refused
/// (422), as answering "already recorded" would hide that this request was never recorded.
enum IdempotentRequest {
    /// The event id: the body's and the header's, which must agree when both are given.
    static func eventID(body: String?, header: String?, field: String) throws(WorkflowError) -> String? {
        if let body, let header, body != header {
            throw .badInput("the Idempotency-Key header and the body's \(field) differ; expected one event id (give either, or the same in both)")
        }
        return body ?? header
    }

    /// A case id for an open without one, made from the person and the key, so a retry opens (finds)
    /// the same case: `C-` and 12 hex digits.
    static func caseID(person: AuthenticatedPerson, key: String?) -> String {
        guard let key else { return "C-" + UUID().uuidString.prefix(8) }
        let digest = SHA256.hash(data: Data("\(person.force)\u{0}\(person.id)\u{0}\(key)".utf8))
        return "C-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// Refuses an event already recorded under the key that is not this request.
    static func check(_ outcome: RecordOutcome, _ request: TransitionRequest, person: AuthenticatedPerson, atGiven: Bool, roleGiven: Bool) throws(WorkflowError) {
        guard case .alreadyRecorded(let event) = outcome else { return }
        let same = event.caseID == request.caseID && (request.event.isEmpty || event.event == request.event) && event.actor.id == person.id
            && event.data == request.data && (!atGiven || event.at == request.at) && (!roleGiven || event.actor.role == request.actor.role)
        if !same {
            throw .refused(
                "event id \(request.eventID ?? "") is already recorded with a different request; expected a new Idempotency-Key for a new request (the same key only to retry the same request)")
        }
    }
}

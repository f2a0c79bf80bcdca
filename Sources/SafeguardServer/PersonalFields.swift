import SafeguardService
import WorkflowCore

/// Who sees personal fields (those an event marks `personal`): people whose register entry holds
/// a police rank. Everyone else (caseworkers, legal officers, administrators without a rank) gets
/// them left out, on the pages and in every API answer alike — this is the one rule both use.
enum PersonalFields {
    static func shown(to person: AuthenticatedPerson) -> Bool {
        person.roles.contains { Rank(name: $0) != nil }
    }

    /// The fields left out of a case for this person: none for a rank, else the personal fields
    /// of the case's workflow.
    static func redaction(for person: AuthenticatedPerson, of snapshot: CaseSnapshot, casework: Casework) throws(WorkflowError) -> Redaction {
        shown(to: person) ? .none : Redaction(personalFieldsOf: try casework.engine(for: snapshot).workflow)
    }

    /// A case as this person may see it.
    static func masked(_ snapshot: CaseSnapshot, _ redaction: Redaction) -> CaseSnapshot {
        var masked = snapshot
        masked.data = redaction.apply(snapshot.data)
        return masked
    }

}

/// One transition of a batch: the case, the event id that makes it idempotent, and how to decide it.
public struct BatchItem {
    public var caseID: String
    public var eventID: String?
    public var decide: (CaseSnapshot?) throws(WorkflowError) -> Transition

    public init(caseID: String, eventID: String?, decide: @escaping (CaseSnapshot?) throws(WorkflowError) -> Transition) {
        self.caseID = Identifier.normalized(caseID)
        self.eventID = eventID.map(Identifier.normalized)
        self.decide = decide
    }
}

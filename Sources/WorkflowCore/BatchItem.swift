/// One transition of a batch: the case, the event id that makes it idempotent, and how to decide it.
public struct BatchItem {
    public var caseID: String
    public var eventID: String?
    public var decide: (CaseSnapshot?) throws(WorkflowError) -> Transition

    public init(caseID: String, eventID: String?, decide: @escaping (CaseSnapshot?) throws(WorkflowError) -> Transition) {
        self.caseID = caseID
        self.eventID = eventID
        self.decide = decide
    }
}

/// One thing the composed procedure of a regime must still declare (the 48-hour hearing clock, the
/// rank that authorises a notice): a test returning the error, at the declaration at fault, or nil.
public struct StatutoryDeclarationRule: Sendable {
    public let check: @Sendable (WorkflowDefinition, StatutoryFloor) -> WorkflowError?

    public init(check: @escaping @Sendable (WorkflowDefinition, StatutoryFloor) -> WorkflowError?) {
        self.check = check
    }
}

/// The workflow a case runs when none is named, and the force whose procedure is the national
/// one alone. The only place Swift names a workflow.
public enum DefaultWorkflow {
    public static let name = "dvpo"
    public static let nationalForce = "national"
}

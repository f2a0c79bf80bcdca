import WorkflowCore

/// `export`: cases and their histories, for analysts and evaluators.
extension Casework {
    /// Each case (of `force`, or all) in turn, with its history; with `redact`, every field its
    /// workflow or plugins mark personal is left out of its data and its events'.
    public func export(force: String?, redact: Bool, each: (ExportedCase) -> Void) throws(WorkflowError) {
        for snapshot in try store.list(state: nil, force: force) {
            let redaction = redact ? Redaction(personalFieldsOf: try engine(for: snapshot).workflow) : .none
            var redacted = snapshot
            redacted.data = redaction.apply(snapshot.data)
            each(
                ExportedCase(
                    snapshot: redacted, events: try store.history(snapshot.id).map(redaction.apply),
                    redacted: redact ? redaction.fields.sorted() : nil))
        }
    }
}

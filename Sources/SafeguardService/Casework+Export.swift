import WorkflowCore

/// `export`: cases and their histories, for analysts and evaluators.
extension Casework {
    /// Each case (of `force`, or all) in turn, with its history; with `redact`, every field its
    /// workflow or plugins mark personal is left out of its data and its events', and each personal
    /// value the case holds is masked wherever else it appears (warnings, notes, copies).
    public func export(force: String?, redact: Bool, each: (ExportedCase) -> Void) throws(WorkflowError) {
        for snapshot in try store.list(state: nil, force: force) {
            let history = try store.history(snapshot.id)
            let redaction =
                redact
                ? Redaction(
                    personalFieldsOf: try engine(for: snapshot).workflow,
                    values: [snapshot.data] + history.flatMap { [$0.data, $0.changes] }) : .none
            var redacted = snapshot
            redacted.data = redaction.apply(snapshot.data)
            each(
                ExportedCase(
                    snapshot: redacted, events: history.map(redaction.apply),
                    redacted: redact ? redaction.fields.sorted() : nil))
        }
    }
}

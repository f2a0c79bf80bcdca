import Ledger
import PostgresNIO
import WorkflowCore

/// What a `recordBatch` transaction knows, read in one statement after its case locks and kept
/// up to date as its items are decided: each case as the batch leaves it, the event ids already
/// recorded or refused, and what the batch will write.
struct PostgresBatch {
    /// Each case the batch touches, as the batch leaves it (nil inside: no such case yet).
    var cases: [String: CaseSnapshot?]
    /// The batch's event ids that the log already holds, with their events.
    var recorded: [String: RecordedEvent]
    /// Refused event ids and why, stored or refused in this batch.
    var refused: [String: String]
    /// Refusals this batch remembers.
    var refusals: [Refusal] = []
    /// The cases the batch changed, in the order first changed.
    var written: [String] = []
    /// The batch's events, to append at its end.
    var appended: [RecordedEvent] = []
    /// The batch's events by event id.
    var held: [String: RecordedEvent] = [:]

    init(reading items: [BatchItem], from store: PostgresCaseStore, doing what: String) throws(WorkflowError) {
        let caseIDs = Array(Set(items.map(\.caseID)))
        let eventIDs = Array(Set(items.compactMap(\.eventID)))
        cases = Dictionary(uniqueKeysWithValues: caseIDs.map { ($0, nil) })
        recorded = [:]
        refused = [:]
        let rows = try store.session.rows(
            """
            SELECT 's' AS kind, id COLLATE "C" AS key, snapshot AS value FROM case_snapshot WHERE id = ANY(\(caseIDs)::text[])
            UNION ALL SELECT 'e', event_id COLLATE "C", NULL FROM event WHERE event_id = ANY(\(eventIDs)::text[])
            UNION ALL SELECT 'r', event_id COLLATE "C", reason FROM refused_event WHERE event_id = ANY(\(eventIDs)::text[])
            """, doing: what)
        var recordedIDs: [String] = []
        for row in rows {
            let key: String = try PostgresCaseStore.column(row, "key")
            switch try PostgresCaseStore.column(row, "kind", as: String.self) {
            case "s": cases[key] = try CaseSnapshot(canonicalText: PostgresCaseStore.column(row, "value"))
            case "e": recordedIDs.append(key)
            default: refused[key] = try PostgresCaseStore.column(row, "value", as: String.self)
            }
        }
        // A re-run of lines already applied: their events in one more statement.
        guard !recordedIDs.isEmpty else { return }
        for row in try store.session.rows("SELECT * FROM event WHERE event_id = ANY(\(recordedIDs)::text[])", doing: what) {
            let event = try PostgresCaseStore.recordedEvent(row)
            if let eventID = event.eventID { recorded[eventID] = event }
        }
    }
}

import PostgresNIO
import WorkflowCore

/// Cases a page at a time, in the byte order of their ids (`COLLATE "C"`, as `list` orders them).
extension PostgresCaseStore {
    public func cases(state: String?, force: String?, after: String?, limit: Int) throws(WorkflowError) -> CasePage {
        let limit = max(limit, 1)
        let rows = try session.rows(
            """
            SELECT id, state, force, snapshot FROM case_snapshot
            WHERE (\(state)::text IS NULL OR state = \(state)) AND (\(force)::text IS NULL OR force = \(force))
                AND (\(after)::text IS NULL OR id > \(after) COLLATE "C")
            ORDER BY id COLLATE "C" LIMIT \(limit)
            """, doing: "list cases")
        let cases = try rows.map { row throws(WorkflowError) in try CaseSnapshot(canonicalText: Self.column(row, "snapshot")) }
        let listed = try rows.map { row throws(WorkflowError) -> (state: String?, force: String?) in
            (try Self.column(row, "state") as String, try Self.column(row, "force") as String)
        }
        return CasePage(
            cases: cases, next: rows.count < limit ? nil : try rows.last.map { row throws(WorkflowError) in try Self.column(row, "id") }, listed: listed)
    }
}

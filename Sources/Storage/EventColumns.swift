internal import GRDB

/// Where each column of an `event` row stands in a query's result, found once per query from its
/// column names. Reading a column by name makes GRDB compare lower-cased names for every column of
/// every row, which was a tenth of `report`'s time; reading by index does not. The columns added by
/// later versions of the schema are optional, so rows read while migrating an older file decode too.
struct EventColumns {
    let position: Int
    let caseID: Int
    let sequence: Int
    let eventID: Int
    let name: Int
    let from: Int
    let to: Int
    let at: Int
    let recordedAt: Int
    let actorID: Int
    let actorRole: Int
    let data: Int
    let changes: Int
    let guards: Int
    let procedure: Int
    let actorAuthentication: Int?
    let actorRegisterVersion: Int?
    let tableVersion: Int?
    let engineVersion: Int?
    let previousHash: Int?
    let hash: Int?
    let mac: Int?

    /// The layout of a query's rows, from its column names (as the schema spells them).
    init(_ names: [String]) throws {
        var index: [String: Int] = [:]
        for (offset, name) in names.enumerated() where index[name] == nil { index[name] = offset }
        guard let position = index["position"], let caseID = index["case_id"], let sequence = index["sequence"],
            let eventID = index["event_id"], let name = index["name"], let from = index["from_state"], let to = index["to_state"],
            let at = index["at"], let recordedAt = index["recorded_at"], let actorID = index["actor_id"],
            let actorRole = index["actor_role"], let data = index["data"], let changes = index["changes"],
            let guards = index["guards"], let procedure = index["procedure"]
        else { throw DatabaseError(message: "the event table lacks a column every event has") }
        (self.position, self.caseID, self.sequence, self.eventID, self.name) = (position, caseID, sequence, eventID, name)
        (self.from, self.to, self.at, self.recordedAt) = (from, to, at, recordedAt)
        (self.actorID, self.actorRole, self.data, self.changes, self.guards, self.procedure) = (actorID, actorRole, data, changes, guards, procedure)
        actorAuthentication = index["actor_authentication"]
        actorRegisterVersion = index["actor_register_version"]
        tableVersion = index["table_version"]
        engineVersion = index["engine_version"]
        previousHash = index["prev_hash"]
        hash = index["hash"]
        mac = index["mac"]
    }

    /// The layout of a prepared statement's rows.
    init(_ statement: Statement) throws { try self.init(statement.columnNames) }

    /// The text of a column the query may lack (nil then, or for NULL), read leniently (`Row.text(at:)`).
    func text(_ column: Int?, _ row: Row) -> String? { column.flatMap { row.text(at: $0) } }
}

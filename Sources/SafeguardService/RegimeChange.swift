import Foundation
import WorkflowCore

/// An open case the current regime table would have opened under another workflow (or could not
/// choose one for). The case keeps its workflow; this is for the administrator who edited the table.
public struct RegimeChange: Sendable, Hashable, Encodable {
    public var id: String
    public var force: String
    public var area: String?
    public var openedOn: String
    public var workflow: String
    /// The workflow the table chooses now, or nil when it cannot choose one.
    public var tableChooses: String?
    /// Why the table cannot choose, when it cannot.
    public var reason: String?

    enum CodingKeys: String, CodingKey {
        case id, force, area, workflow, reason
        case openedOn = "opened_on"
        case tableChooses = "table_chooses"
    }
}

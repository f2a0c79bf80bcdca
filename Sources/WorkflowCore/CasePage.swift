/// A page of cases in a store's id order (`CaseStore.cases(state:force:after:limit:)`), and where
/// the next page starts: the store's key of the page's last case, nil when there are no more.
public struct CasePage: Sendable {
    public var cases: [CaseSnapshot]
    public var next: String?
    /// The state and force each case is stored under, in the columns `list` and `report` select by
    /// (in the order of `cases`), nil where the column holds something a selection by that value
    /// would not find (not text): `verify` checks them against the snapshot's own.
    public var listed: [(state: String?, force: String?)]

    /// - Parameter listed: the columns of each case; by default its snapshot's own (a store that
    ///   keeps no columns apart from the snapshot).
    public init(cases: [CaseSnapshot], next: String?, listed: [(state: String?, force: String?)]? = nil) {
        self.cases = cases
        self.next = next
        self.listed = listed ?? cases.map { ($0.state, $0.force) }
    }
}

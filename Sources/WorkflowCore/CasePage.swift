/// A page of cases in a store's id order (`CaseStore.cases(state:force:after:limit:)`), and where
/// the next page starts: the store's key of the page's last case, nil when there are no more.
public struct CasePage: Sendable {
    public var cases: [CaseSnapshot]
    public var next: String?

    public init(cases: [CaseSnapshot], next: String?) {
        self.cases = cases
        self.next = next
    }
}

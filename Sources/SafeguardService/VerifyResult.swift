/// What `Casework.verify` found in its one pass over the record: the counts and problems it
/// prints, and what the pass saw on the way that `verify`'s notes need (the procedures the cases
/// name, whether some event's actor was taken as claimed), so nothing is read a second time.
public struct VerifyResult {
    /// Events whose chain links were checked.
    public var events = 0
    /// Cases replayed.
    public var cases = 0
    /// Every problem found, none when the record is intact.
    public var problems: [String] = []
    /// The procedure each case read is pinned to, each once, in case order.
    public var procedures: [String] = []
    /// Whether some case read holds an event recorded without a staff register (actor as claimed).
    public var claimedActors = false
    /// Whether every case and history was read; when not, the two above cover only what was.
    public var complete = true
}

/// What an event id is already used for in a SQLite store (`SQLiteCaseStore.eventIDUse`): an event
/// recorded under it, or a refusal remembered for it. The raw values are those the look-up's query
/// gives.
enum EventIDUse: Int {
    case recorded = 1
    case refused = 2
}

import Dispatch

/// One page of items split in two halves, each worked on by its own thread at once (both cores).
/// Hence unchecked: thread `n` reads only `halves[n]`, and writes only its own property (`first` or
/// `second`: two properties, never two elements of one array, which would be one access); `run`
/// reads them after both have returned. The work given must touch nothing the other half's work
/// touches but what is safe from two threads (a SQLite store's reads; its own Lua interpreters).
final class PageSplit<Item, Output>: @unchecked Sendable {
    private let halves: [ArraySlice<Item>]
    private let work: (Int, ArraySlice<Item>) -> Output
    private var first: Output?
    private var second: Output?

    /// - Parameter work: the work on half `n` (0 or 1) of the items.
    init(_ items: [Item], work: @escaping (Int, ArraySlice<Item>) -> Output) {
        let half = (items.count + 1) / 2
        halves = [items[..<half], items[half...]]
        self.work = work
    }

    /// The two halves' outputs, in order, once both threads have returned: a caller that takes the
    /// first, then the second, takes what one thread working through the page would.
    func run() -> (first: Output, second: Output) {
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let output = work(index, halves[index])
            if index == 0 { first = output } else { second = output }
        }
        return (first!, second!)
    }
}

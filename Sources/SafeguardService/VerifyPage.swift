import WorkflowCore

/// One page of `verify`'s cases split between its two workers. Handed to both threads of
/// `DispatchQueue.concurrentPerform`, hence unchecked: worker `n` reads only `halves[n]`, uses only
/// `workers[n]` (whose Lua interpreters are its own) and writes only its own property (`first` or
/// `second`: two properties, never two elements of one array, which would be one access); the
/// caller reads them after both have returned.
final class VerifyPage: @unchecked Sendable {
    let workers: [Casework]
    let halves: [ArraySlice<CaseSnapshot>]
    let versions: Set<String>
    private(set) var first: [CaseFindings] = []
    private(set) var second: [CaseFindings] = []

    init(_ cases: [CaseSnapshot], workers: [Casework], versions: Set<String>) {
        let half = (cases.count + 1) / 2
        self.workers = workers
        halves = [cases[..<half], cases[half...]]
        self.versions = versions
    }

    /// Each case's findings, in case order, once both workers have returned.
    var found: [CaseFindings] { first + second }

    /// Worker `index`'s half, replayed.
    func work(_ index: Int) {
        let results = halves[index].map { workers[index].findings($0, versions: versions) }
        if index == 0 { first = results } else { second = results }
    }
}

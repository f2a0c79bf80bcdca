import Foundation
import Ledger
import PropertyBased
import Testing
import WorkflowCore

/// One encoding per stored type: what the canonical writer writes, the reader reads back as the
/// same value, and writing that again gives the same bytes (the hash chain depends on it).
@Suite("Canonical JSON round trips")
struct CanonicalJSONProperties {
    static let awkward: [Character] = ["\"", "\\", "\n", "\t", "\u{0}", "\u{1F}", "é", "e\u{301}", "💷", "/"]
    static let text = Gen<Character>.oneOf(
        Gen<Character>.letterOrNumber, Gen<Int>.int(in: 0...awkward.count - 1).map { awkward[$0] }
    ).string(of: 0...10)

    static let doubles = Gen<Double>.oneOf(
        Gen<Double>.double(in: -1e6...1e6),
        Gen<Int>.int(in: -100...100).map { Double($0) },
        Gen<Int>.int(in: 0...special.count - 1).map { special[$0] })
    static let special: [Double] = [0.0, -0.0, 7.0 / 7.0, 9_007_199_254_740_992.0, 1e300, -1e-300, 5e-324, 0.1]

    static let scalars = Gen<Value>.oneOf(
        Gen<Int>.int(in: Int.min...Int.max).map { Value.integer($0) },
        Gen<Bool>.bool.map { Value.bool($0) },
        text.map { Value.string($0) },
        doubles.map { Value.number($0) },
        Gen<Bool>.bool.map { _ in Value.null })

    static let values = Gen<Value>.oneOf(
        scalars,
        scalars.array(of: 0...5).map { Value.array($0) },
        zip(text, scalars).array(of: 0...5).map { pairs in Value.object(Dictionary(pairs, uniquingKeysWith: { first, _ in first })) },
        zip(text, scalars.array(of: 0...3).map { Value.array($0) }).array(of: 0...3).map { pairs in
            Value.object(Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
        })

    @Test func everyValueReadsBackExactly() async {
        await propertyCheck(count: 2000, input: Self.values) { value in
            let text = CanonicalJSON.text(value)
            let back = try CanonicalJSONReader.value(text)
            #expect(back == value)
            #expect(CanonicalJSON.text(back) == text)
        }
    }

    @Test func wholeDoublesStayDoubles() throws {
        for double in [7.0, -0.0, 9_007_199_254_740_992.0, 1e16] {
            let text = CanonicalJSON.text(.number(double))
            guard case .number(let back) = try CanonicalJSONReader.value(text) else {
                Issue.record("\(text) read back as a whole number")
                continue
            }
            #expect(back.bitPattern == double.bitPattern)
        }
        #expect(CanonicalJSON.text(.integer(7)) == "7")
        #expect(CanonicalJSON.text(.number(7)) == "7.0")
    }

    @Test func snapshotsAndEventsReadBackExactly() async {
        let instants = Gen<Int>.int(in: 0...4_000_000_000_000).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        let data = zip(Self.text, Self.scalars).array(of: 0...4).map { Dictionary($0, uniquingKeysWith: { first, _ in first }) }
        let snapshots = zip(Self.text, data, instants, Gen<Int>.int(in: 1...50)).map { id, data, at, version in
            var snapshot = CaseSnapshot(
                id: id, workflow: "dvpo", force: "essex", state: "order_in_force", data: data,
                deadlines: [Deadline(clock: "order_end", startedAt: at, due: at.addingTimeInterval(86_400), status: .pending, tableVersion: "t1")],
                version: version, procedure: "abc", openedAt: at, updatedAt: at)
            snapshot.plugins = version % 2 == 0 ? ["essex"] : nil
            snapshot.deadlines[0].decision = version % 3 == 0 ? "notice_continues" : nil
            return snapshot
        }
        await propertyCheck(count: 500, input: snapshots) { snapshot in
            let back = try CaseSnapshot(canonicalText: snapshot.canonicalText)
            #expect(back.canonicalText == snapshot.canonicalText)
            #expect(back == Self.millisecondPrecision(snapshot))
        }
        let events = zip(Self.text, data, instants).map { id, data, at in
            RecordedEvent(
                sequence: 3, caseID: id, event: "grant_order", eventID: id.isEmpty ? nil : "E-" + id, from: "hearing",
                to: "order_in_force", at: at, recordedAt: at, actor: Actor(id: "PC1", role: "constable"), data: data,
                changes: data, guardsPassed: ["length"], procedure: "abc", tableVersion: nil)
        }
        await propertyCheck(count: 500, input: events) { event in
            let text = CanonicalJSON.text(event.canonicalValue)
            let back = try RecordedEvent(canonical: try CanonicalJSONReader.value(text))
            #expect(CanonicalJSON.text(back.canonicalValue) == text)
            #expect(EventHash.of(back, after: "x") == EventHash.of(event, after: "x"))
        }
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "the key \"a\" appears twice at byte 7"),
        (#"{"a":1} x"#, "text after the value at byte 8"),
        ("\"a\u{1}\"", "a control character inside a string; expected it escaped at byte 2"),
        ("01", "a number may not start with 0 at byte 0"),
        ("99999999999999999999", "the whole number is out of range at byte 0"),
        (#""\ud800""#, "a lone surrogate in a string at byte 7"),
        (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "nested deeper than 64 levels at byte 64"),
    ])
    func refusesWhatItCannotReadExactly(text: String, problem: String) {
        #expect(throws: CanonicalJSONReader.Problem.self) { try CanonicalJSONReader.value(text) }
        do {
            _ = try CanonicalJSONReader.value(text)
        } catch {
            #expect(error.description == problem)
        }
    }

    /// Instants are stored to the millisecond.
    static func millisecondPrecision(_ snapshot: CaseSnapshot) -> CaseSnapshot {
        var copy = snapshot
        func round(_ date: Date) -> Date { Instant.parse(Instant.formatUTC(date))! }
        copy.openedAt = round(copy.openedAt)
        copy.updatedAt = round(copy.updatedAt)
        copy.deadlines = copy.deadlines.map { deadline in
            var deadline = deadline
            deadline.startedAt = round(deadline.startedAt)
            deadline.due = round(deadline.due)
            return deadline
        }
        return copy
    }
}

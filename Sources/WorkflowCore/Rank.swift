/// Police ranks, lowest first (design.md, national vocabulary).
public enum Rank: Int, Sendable, CaseIterable, Comparable, Codable {
    case constable = 1
    case sergeant
    case inspector
    case chiefInspector
    case superintendent
    case chiefSuperintendent

    /// The name used on the command line and in scripts: `chief_inspector`.
    public var name: String {
        switch self {
        case .constable: "constable"
        case .sergeant: "sergeant"
        case .inspector: "inspector"
        case .chiefInspector: "chief_inspector"
        case .superintendent: "superintendent"
        case .chiefSuperintendent: "chief_superintendent"
        }
    }

    public init?(name: String) {
        guard let rank = Rank.allCases.first(where: { $0.name == name }) else { return nil }
        self = rank
    }

    public static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }

    /// `constable, sergeant, …, chief_superintendent`
    public static let namesInOrder = Rank.allCases.map(\.name).joined(separator: ", ")
}

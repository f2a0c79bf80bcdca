/// Police ranks, lowest first (design.md, national vocabulary). The chief officer ranks follow
/// chief superintendent: the Metropolitan Police's and City of London's `commander` stands with
/// `assistant_chief_constable`, its `deputy_assistant_commissioner` with `deputy_chief_constable`,
/// and its `assistant_commissioner` with `chief_constable` (CSA 2010 s.24(1): "not below the rank
/// of superintendent", so every rank above it may authorise).
public enum Rank: Int, Sendable, CaseIterable, Comparable, Codable {
    case constable = 1
    case sergeant
    case inspector
    case chiefInspector
    case superintendent
    case chiefSuperintendent
    case assistantChiefConstable
    case commander
    case deputyChiefConstable
    case deputyAssistantCommissioner
    case chiefConstable
    case assistantCommissioner
    case deputyCommissioner
    case commissioner

    /// The name used on the command line and in scripts: `chief_inspector`.
    public var name: String {
        switch self {
        case .constable: "constable"
        case .sergeant: "sergeant"
        case .inspector: "inspector"
        case .chiefInspector: "chief_inspector"
        case .superintendent: "superintendent"
        case .chiefSuperintendent: "chief_superintendent"
        case .assistantChiefConstable: "assistant_chief_constable"
        case .commander: "commander"
        case .deputyChiefConstable: "deputy_chief_constable"
        case .deputyAssistantCommissioner: "deputy_assistant_commissioner"
        case .chiefConstable: "chief_constable"
        case .assistantCommissioner: "assistant_commissioner"
        case .deputyCommissioner: "deputy_commissioner"
        case .commissioner: "commissioner"
        }
    }

    /// Seniority: equal for equivalent ranks of the Metropolitan Police and the other forces.
    public var level: Int {
        switch self {
        case .constable: 1
        case .sergeant: 2
        case .inspector: 3
        case .chiefInspector: 4
        case .superintendent: 5
        case .chiefSuperintendent: 6
        case .assistantChiefConstable, .commander: 7
        case .deputyChiefConstable, .deputyAssistantCommissioner: 8
        case .chiefConstable, .assistantCommissioner: 9
        case .deputyCommissioner: 10
        case .commissioner: 11
        }
    }

    public init?(name: String) {
        guard let rank = Rank.allCases.first(where: { $0.name == name }) else { return nil }
        self = rank
    }

    /// By seniority: a commander is not below an assistant chief constable, nor above one.
    public static func < (a: Rank, b: Rank) -> Bool { a.level < b.level }

    /// `constable, sergeant, …, commissioner`
    public static let namesInOrder = Rank.allCases.map(\.name).joined(separator: ", ")
}

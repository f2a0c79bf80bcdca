import WorkflowCore

/// `report`'s result: the figures, in report order, and their values for each group.
public struct FigureReport {
    /// Every figure the counted cases' workflows declare, in the order they declare them.
    public var figures: [FigureDefinition]
    /// Each group's figures, in group order (one group, `all`, when not grouped or empty).
    public var groups: [(name: String, figures: CaseFigures)]

    /// A group's figures by name, as JSON values.
    public func values(_ group: CaseFigures) -> [(name: String, value: Value)] {
        figures.map { ($0.name, group.value($0)) }
    }
}

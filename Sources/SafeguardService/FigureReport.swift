import WorkflowCore

/// `report`'s result: the figures, in report order, and their values for each group.
public struct FigureReport {
    /// Every figure the counted cases' workflows declare, in the order they declare them, each
    /// with its workflow.
    public var figures: [FigureDefinition]
    /// Each group's figures, in group order (one group, `all`, when not grouped or empty).
    public var groups: [(name: String, figures: CaseFigures)]

    /// A group's figures by name, as JSON values.
    public func values(_ group: CaseFigures) -> [(name: String, value: Value)] {
        figures.map { (label($0), group.value($0)) }
    }

    /// A figure's row name: its own name, or `workflow.name` when another reported workflow declares
    /// a figure of that name too, so neither workflow's row is added to the other's.
    public func label(_ figure: FigureDefinition) -> String {
        figures.contains { $0.name == figure.name && $0.workflow != figure.workflow } ? "\(figure.workflow).\(figure.name)" : figure.name
    }
}

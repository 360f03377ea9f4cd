/// How much of the available length one segment of a split takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only when space runs out).
    case length(Int)
    /// This percentage (0…100) of the available length, rounded down.
    case percentage(Int)
    /// At least this many cells, growing with a weight of 1 to take space left over.
    case min(Int)
    /// Nothing of its own; takes left-over space in proportion to the weight.
    case fill(Int)

    /// A fill with weight 1.
    public static let fill = Constraint.fill(1)
}

/// The axis a rectangle is split along.
public enum Direction: Hashable, Sendable {
    /// Segments stacked top to bottom (rows).
    case vertical
    /// Segments side by side, left to right (columns).
    case horizontal
}

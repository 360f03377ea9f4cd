/// What happens to text wider than its area.
public enum Truncation: Hashable, Sendable {
    /// Cut at the edge.
    case clip
    /// Cut and end with this marker (e.g. `GlyphSet.ellipsis`).
    case ellipsis(String)
}

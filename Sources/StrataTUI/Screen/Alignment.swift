/// Horizontal placement of a line inside its area.
public enum Alignment: Hashable, Sendable {
    case left, center, right

    /// Column offset of a line of `lineWidth` columns inside `areaWidth` columns.
    public func offset(lineWidth: Int, areaWidth: Int) -> Int {
        let spare = max(0, areaWidth - lineWidth)
        switch self {
        case .left: return 0
        case .center: return spare / 2
        case .right: return spare
        }
    }
}

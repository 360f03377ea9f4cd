/// Splits rectangles into segments along one axis.
public enum Layout {
    /// Lengths of the segments for `constraints` in `total` cells with `spacing` cells between
    /// neighbours. O(n).
    ///
    /// 1. Every segment asks for its base: `length(n)` and `min(n)` n, `percentage(p)`
    ///    ⌊available × p / 100⌋, `fill` 0, where available is `total` minus the spacing.
    /// 2. When the bases do not fit, segments are served in order and later ones shrink
    ///    (down to 0): the first segments are the most important.
    /// 3. Space left over goes to `min` (weight 1) and `fill(w)` (weight w) segments in
    ///    proportion to their weights, the rounding remainder to the earliest of them; with no
    ///    flexible segment it stays unused at the end.
    public static func lengths(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let available = max(0, total - max(0, spacing) * (constraints.count - 1))
        var lengths = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n), .min(let n): max(0, n)
            case .percentage(let p): available * Swift.min(Swift.max(p, 0), 100) / 100
            case .fill: 0
            }
        }
        var remaining = available
        for index in lengths.indices {
            lengths[index] = Swift.min(lengths[index], remaining)
            remaining -= lengths[index]
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .min: 1
            case .fill(let weight): Swift.max(0, weight)
            case .length, .percentage: 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard remaining > 0, totalWeight > 0 else { return lengths }
        var handedOut = 0
        for index in lengths.indices where weights[index] > 0 {
            let share = remaining * weights[index] / totalWeight
            lengths[index] += share
            handedOut += share
        }
        var leftover = remaining - handedOut
        for index in lengths.indices where weights[index] > 0 && leftover > 0 {
            lengths[index] += 1
            leftover -= 1
        }
        return lengths
    }

    /// `area` cut into one rectangle per constraint along `direction`. O(n).
    public static func split(_ area: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let total = direction == .vertical ? area.height : area.width
        var position = direction == .vertical ? area.y : area.x
        return lengths(constraints, total: total, spacing: spacing).map { length in
            defer { position += length + spacing }
            switch direction {
            case .vertical: return Rect(x: area.x, y: position, width: area.width, height: length)
            case .horizontal: return Rect(x: position, y: area.y, width: length, height: area.height)
            }
        }
    }
}

extension Rect {
    /// This rectangle cut along `direction`; see `Layout.split`.
    public func split(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, direction, constraints, spacing: spacing)
    }
}

/// Online item–item co-occurrence of positives (SPEC §4, Docs/model.md §7).
///
/// `pairCount(i, j)` counts users who had i and j as positives within `window` positives of
/// each other (0 = the whole history, as ItemKNN); `itemCount(i)` counts positives of i.
/// Rows are flat arrays in insertion order (deterministic), with a per-row index for updates.
public struct CooccurrenceIndex: Sendable {
    public private(set) var itemCount: [Double]
    /// `1/√c[i]` (0 before the first positive), kept so scoring needs no square roots.
    public private(set) var inverseRootCount: [Double]
    public private(set) var neighbours: [[Int32]]
    public private(set) var counts: [[Float]]
    /// Where each pair sits in its row: one small open-addressing map per row. Per-row maps
    /// (not one n×n table) keep copies cheap: a checkpoint of the model shares every row until
    /// that row changes.
    private var slot: [IntKeyedMap<Int32>]

    public init(itemCount n: Int) {
        itemCount = Array(repeating: 0, count: n)
        inverseRootCount = Array(repeating: 0, count: n)
        neighbours = Array(repeating: [], count: n)
        counts = Array(repeating: [], count: n)
        slot = Array(repeating: IntKeyedMap(absent: -1), count: n)
    }

    /// Records a positive of `item` by a user whose earlier positives (oldest first) are
    /// `history`; pairs with the last `window` of them (all when window is 0).
    public mutating func recordPositive(item: ItemIndex, history: ArraySlice<ItemIndex>, window: Int) {
        let start = window > 0 ? max(history.startIndex, history.endIndex - window) : history.startIndex
        for p in history[start..<history.endIndex] where p != item {
            bump(item, p)
            bump(p, item)
        }
        itemCount[item] += 1
        inverseRootCount[item] = 1 / itemCount[item].squareRoot()
    }

    private mutating func bump(_ a: ItemIndex, _ b: ItemIndex) {
        let key = Int32(truncatingIfNeeded: b)
        let at = slot[a].value(key)
        if at >= 0 {
            counts[a][Int(at)] += 1
            return
        }
        slot[a].set(key, Int32(neighbours[a].count))
        neighbours[a].append(key)
        counts[a].append(1)
    }

    /// Cosine `C[a][b] / sqrt(c[a]·c[b])`, 0 when they never co-occurred. Read from `b`'s row
    /// (pair counts are symmetric: every pair is bumped both ways), so the usual caller, which
    /// compares a user's recent positives `a` with one item `b`, stays in one small map.
    public func cosine(_ a: ItemIndex, _ b: ItemIndex) -> Double {
        let at = slot[b].value(Int32(truncatingIfNeeded: a))
        guard at >= 0 else { return 0 }
        return Double(counts[b][Int(at)]) * inverseRootCount[a] * inverseRootCount[b]
    }

    /// Adds `weight · cosine(p, j)` to `scores[j]` for every neighbour j of `p`. O(row length).
    @inline(__always)
    public func accumulate(from p: ItemIndex, weight: Double, into scores: inout [Double]) {
        let row = neighbours[p]
        let rowCounts = counts[p]
        let scale = weight * inverseRootCount[p]
        guard scale != 0 else { return }
        row.withUnsafeBufferPointer { ids in
        rowCounts.withUnsafeBufferPointer { cs in
        inverseRootCount.withUnsafeBufferPointer { inv in
        scores.withUnsafeMutableBufferPointer { out in
            for k in 0..<ids.count {
                let j = Int(ids[k])
                out[j] += scale * Double(cs[k]) * inv[j]
            }
        }}}}
    }

    /// Number of stored pairs (each direction counted).
    public var pairCount: Int { neighbours.reduce(0) { $0 + $1.count } }
}

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
    /// Row slot of each pair: a flat n×n table for catalogues up to `denseLimit` items (no
    /// hashing on the hot path), else one dictionary per row.
    private var denseSlot: [Int32]
    private var sparseSlot: [[Int32: Int32]]
    private let n: Int
    static let denseLimit = 4096

    public init(itemCount n: Int) {
        self.n = n
        itemCount = Array(repeating: 0, count: n)
        inverseRootCount = Array(repeating: 0, count: n)
        neighbours = Array(repeating: [], count: n)
        counts = Array(repeating: [], count: n)
        if n <= Self.denseLimit {
            denseSlot = Array(repeating: -1, count: n * n)
            sparseSlot = []
        } else {
            denseSlot = []
            sparseSlot = Array(repeating: [:], count: n)
        }
    }

    @inline(__always)
    private func slot(_ a: ItemIndex, _ b: ItemIndex) -> Int32? {
        if !denseSlot.isEmpty {
            let s = denseSlot[a &* n &+ b]
            return s >= 0 ? s : nil
        }
        return sparseSlot[a][Int32(truncatingIfNeeded: b)]
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
        if let at = slot(a, b) {
            counts[a][Int(at)] += 1
            return
        }
        let new = Int32(neighbours[a].count)
        if denseSlot.isEmpty { sparseSlot[a][key] = new } else { denseSlot[a &* n &+ b] = new }
        neighbours[a].append(key)
        counts[a].append(1)
    }

    /// Cosine `C[a][b] / sqrt(c[a]·c[b])`, 0 when they never co-occurred.
    public func cosine(_ a: ItemIndex, _ b: ItemIndex) -> Double {
        guard let at = slot(a, b) else { return 0 }
        return Double(counts[a][Int(at)]) * inverseRootCount[a] * inverseRootCount[b]
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

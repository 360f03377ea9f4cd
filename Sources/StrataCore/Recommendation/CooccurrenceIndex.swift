/// Online item–item co-occurrence of positives (SPEC §4, Docs/model.md §7).
///
/// `pairCount(i, j)` counts users who had i and j as positives within `window` positives of
/// each other (0 = the whole history, as ItemKNN); `itemCount(i)` counts positives of i.
/// Each item's row keeps at most `neighbourLimit` neighbours by the space-saving rule
/// (`CooccurrenceRow`, design note 13), so memory is O(items × limit) whatever the stream's
/// length, and a row that never filled is exact.
public struct CooccurrenceIndex: Sendable {
    public private(set) var itemCount: PagedArray<Double>
    /// `1/√c[i]` (0 before the first positive), kept so scoring needs no square roots.
    public private(set) var inverseRootCount: PagedArray<Double>
    /// One small table per item (not one n×n table), paged: a checkpoint of the model shares
    /// every page of rows until one of them changes.
    public private(set) var rows: PagedArray<CooccurrenceRow>
    /// Neighbours kept per item (0 = unbounded).
    public let neighbourLimit: Int

    public init(itemCount n: Int, neighbourLimit: Int = 0) {
        precondition(neighbourLimit >= 0, "neighbour limit must be ≥ 0, got \(neighbourLimit)")
        itemCount = PagedArray(repeating: 0, count: n, pageShift: 9)
        inverseRootCount = PagedArray(repeating: 0, count: n, pageShift: 9)
        rows = PagedArray(repeating: CooccurrenceRow(), count: n, pageShift: 4)
        self.neighbourLimit = neighbourLimit
    }

    /// Records a positive of `item` by a user whose earlier positives (oldest first) are
    /// `history`; pairs with the last `window` of them (all when window is 0).
    public mutating func recordPositive(item: ItemIndex, history: ArraySlice<ItemIndex>, window: Int) {
        let start = window > 0 ? max(history.startIndex, history.endIndex - window) : history.startIndex
        let key = Int32(truncatingIfNeeded: item)
        for p in history[start..<history.endIndex] where p != item {
            rows[item].bump(Int32(truncatingIfNeeded: p), capacity: neighbourLimit)
            rows[p].bump(key, capacity: neighbourLimit)
        }
        itemCount[item] += 1
        inverseRootCount[item] = 1 / itemCount[item].squareRoot()
    }

    /// The kept pair count of `a` with `b`, read from `b`'s row (0 when not kept).
    public func pairCount(_ a: ItemIndex, _ b: ItemIndex) -> Double {
        Double(rows[b].count(of: Int32(truncatingIfNeeded: a)))
    }

    /// Cosine `C[a][b] / sqrt(c[a]·c[b])`, 0 when they never co-occurred (or `a` is not among
    /// `b`'s kept neighbours). Read from `b`'s row, so the usual caller, which compares a
    /// user's recent positives `a` with one item `b`, stays in one small table.
    @inline(__always)
    public func cosine(_ a: ItemIndex, _ b: ItemIndex) -> Double {
        let c = rows[b].count(of: Int32(truncatingIfNeeded: a))
        guard c != 0 else { return 0 }
        return Double(c) * inverseRootCount[a] * inverseRootCount[b]
    }

    /// `Σ_k weights[k] · cosine(recent[k], item)` over the last `limit` of `positives`, newest
    /// first (k = 0 the newest), with exactly `cosine`'s arithmetic: `item`'s row is pinned once
    /// for all of them (the feature vector's hot loop; a pair never seen adds nothing).
    @inline(__always)
    public func weightedCosines(item: ItemIndex, positives: [ItemIndex], limit: Int, weights: [Double]) -> Double {
        let n = min(limit, positives.count, weights.count)
        guard n > 0 else { return 0 }
        let inverseItem = inverseRootCount[item]
        return rows[item].withTable { table in
            positives.withUnsafeBufferPointer { recent in
            weights.withUnsafeBufferPointer { weights in
                var total = 0.0
                for age in 0..<n {
                    let a = recent[recent.count &- 1 &- age]
                    let c = CooccurrenceRow.guaranteedCount(of: Int32(truncatingIfNeeded: a), in: table)
                    guard c != 0 else { continue }
                    total += weights[age] * (Double(c) * inverseRootCount[a] * inverseItem)
                }
                return total
            }}
        }
    }

    /// Adds `weight · cosine(p, j)` to `scores[j]` for every kept neighbour j of `p`. O(row).
    @inline(__always)
    public func accumulate(from p: ItemIndex, weight: Double, into scores: inout [Double]) {
        let scale = weight * inverseRootCount[p]
        guard scale != 0 else { return }
        scores.withUnsafeMutableBufferPointer { out in
            rows[p].forEach { key, count in
                let j = Int(key)
                out[j] += scale * Double(count) * inverseRootCount[j]
            }
        }
    }

    /// The kept neighbours of `item`, in row order.
    public func neighbours(of item: ItemIndex) -> [Int32] { rows[item].neighbours }

    /// Number of kept neighbours of `item`.
    public func neighbourCount(of item: ItemIndex) -> Int { rows[item].count }

    /// Number of stored pairs (each direction counted).
    public var pairCount: Int { rows.reduce(0) { $0 + $1.count } }

    /// Bytes held by the rows and per-item counts (for the memory figures).
    public var storedBytes: Int {
        rows.reduce(0) { $0 + $1.storedBytes } + rows.count * (MemoryLayout<CooccurrenceRow>.stride + 16)
    }
}

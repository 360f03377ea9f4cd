/// Exponentially decayed counts per item, read in O(1) (Docs/model.md §7 "Popularity").
///
/// Forward decay: the value of item i at clock t is `V_i · 2^(−(t − t₀)/h)`; adding g at t adds
/// `g · 2^((t − t₀)/h)` to V_i. When the exponent grows large every V is rescaled and t₀ moves
/// to t, so nothing overflows. Equivalent to lazy per-item decay, but a read needs one
/// multiplication by a factor shared by all items.
public struct DecayedCounts: Hashable, Sendable {
    public let halfLife: Double
    /// Paged (PagedArray), so a checkpoint shares every page of counts not added to since.
    public private(set) var scaled: PagedArray<Double>
    public private(set) var origin: Double = 0
    /// The `topLimit` items of largest count (count > 0; ties: the lower index first), best
    /// first — what a scan of the whole catalogue would give, kept as counts change, so
    /// candidate generation never scans the catalogue (Docs/model.md §11). Every item decays
    /// by the same factor, so the order changes only where a count was added to.
    public private(set) var top: [Int32] = []
    public let topLimit: Int

    public init(count: Int, halfLife: Double, topLimit: Int = 0) {
        precondition(halfLife > 0, "half-life must be positive, got \(halfLife)")
        precondition(topLimit >= 0, "top limit must be ≥ 0, got \(topLimit)")
        self.halfLife = halfLife
        self.topLimit = topLimit
        scaled = PagedArray(repeating: 0, count: count, pageShift: 9)
    }

    public mutating func add(_ amount: Double, to item: Int, at clock: Double) {
        var exponent = (clock - origin) / halfLife
        var rescaled = false
        if exponent > 256 {
            let factor = strataExp2(-exponent)
            scaled.updateEachPage { _, page in for i in page.indices { page[i] *= factor } }
            origin = clock
            exponent = 0
            rescaled = true
        }
        let before = scaled[item]
        scaled[item] = max(0, scaled[item] + amount * strataExp2(exponent))
        guard topLimit > 0 else { return }
        // A rescale may round neighbours into ties or to 0, a decrease may let others pass:
        // both rare, both answered by the scan itself.
        if rescaled || scaled[item] < before { top = Self.scanTop(scaled, limit: topLimit) } else { raise(item) }
    }

    /// `item`'s count grew: it moves up within `top`, or enters it.
    private mutating func raise(_ item: Int) {
        guard scaled[item] > 0 else { return }
        let key = Int32(truncatingIfNeeded: item)
        var at: Int
        if let found = top.firstIndex(of: key) {
            at = found
        } else if top.count < topLimit {
            top.append(key)
            at = top.count - 1
        } else if ahead(item, Int(top[top.count - 1])) {
            at = top.count - 1
            top[at] = key
        } else {
            return
        }
        while at > 0 && ahead(item, Int(top[at - 1])) {
            top.swapAt(at, at - 1)
            at -= 1
        }
    }

    @inline(__always)
    private func ahead(_ a: Int, _ b: Int) -> Bool { scaled[a] > scaled[b] || (scaled[a] == scaled[b] && a < b) }

    /// The top `limit` of `scaled` by one scan (count > 0; ties: lower index first).
    static func scanTop<Values: RandomAccessCollection<Double>>(_ scaled: Values, limit: Int) -> [Int32] where Values.Index == Int {
        var best: [(Int, Double)] = []
        for i in scaled.indices where scaled[i] > 0 {
            let value = scaled[i]
            if best.count == limit, let last = best.last, value <= last.1 { continue }
            let at = best.firstIndex { value > $0.1 } ?? best.count
            best.insert((i, value), at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.map { Int32(truncatingIfNeeded: $0.0) }
    }

    /// The factor that turns stored values into values at `clock`.
    @inline(__always)
    public func readFactor(at clock: Double) -> Double { strataExp2(-(clock - origin) / halfLife) }

    @inline(__always)
    public func value(of item: Int, at clock: Double) -> Double { scaled[item] * readFactor(at: clock) }
}

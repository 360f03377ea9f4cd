/// Maximal Marginal Relevance re-ranking over top-level categories (SPEC §4,
/// Docs/model.md §11):
///
///     pick argmax_i  λ · rel(i) − (1 − λ) · max_{j ∈ chosen} sim(i, j)
///
/// with `sim` the Jaccard overlap of the items' top-level category sets. Ties go to the
/// earlier candidate, so the result is deterministic.
public struct MMRReranker: Sendable {
    public var lambda: Double

    public init(lambda: Double = 0.8) { self.lambda = lambda }

    /// Indices into `relevance` (and `categories`, each a set: no node twice) in chosen order,
    /// at most `count`. O(count × candidates × categories).
    public func rerank(relevance: [Double], categories: [[NodeIndex]], count: Int) -> [Int] {
        precondition(relevance.count == categories.count, "\(relevance.count) relevances for \(categories.count) candidates")
        // Up to 64 distinct categories among the candidates (the usual case): one bit each.
        var bit: [NodeIndex: UInt64] = [:]
        for nodes in categories {
            for node in nodes where bit[node] == nil && bit.count < 65 { bit[node] = UInt64(bit.count) }
        }
        if bit.count <= 64 {
            let masks = categories.map { $0.reduce(UInt64(0)) { $0 | (1 << bit[$1]!) } }
            return rerank(relevance: relevance, masks: masks, count: count)
        }
        return rerank(relevance: relevance, count: count) { Self.jaccard(categories[$0], categories[$1]) }
    }

    /// The same with each candidate's categories as a bit set (bit b = category b), e.g.
    /// `StrataModel.topLevelMasks`. The running maximum similarity of each candidate is kept as
    /// the fraction (shared, union) and compared by cross-multiplication: distinct fractions
    /// with denominators ≤ 64 are far apart, so this orders them exactly as their doubles do,
    /// and a division happens only when a candidate's maximum changes.
    public func rerank(relevance: [Double], masks: [UInt64], count: Int) -> [Int] {
        precondition(relevance.count == masks.count, "\(relevance.count) relevances for \(masks.count) candidates")
        let n = relevance.count
        var chosen: [Int] = []
        chosen.reserveCapacity(min(count, n))
        // λ·rel − (1 − λ)·maxSim per candidate; −∞ once taken.
        var value = relevance.map { lambda * $0 }
        let bits = masks.map(\.nonzeroBitCount)
        // Max similarity so far as shared/union, starting at 0/1.
        var maxShared = Array(repeating: 0, count: n)
        var maxUnion = Array(repeating: 1, count: n)
        value.withUnsafeMutableBufferPointer { value in
        maxShared.withUnsafeMutableBufferPointer { maxShared in
        maxUnion.withUnsafeMutableBufferPointer { maxUnion in
        relevance.withUnsafeBufferPointer { relevance in
        masks.withUnsafeBufferPointer { masks in
        bits.withUnsafeBufferPointer { bits in
            while chosen.count < min(count, n) {
                var best = -1
                var bestValue = -Double.infinity
                for c in 0..<n where value[c] > bestValue { best = c; bestValue = value[c] }
                guard best >= 0 else { break }
                value[best] = -.infinity
                chosen.append(best)
                let chosenMask = masks[best], chosenBits = bits[best]
                for c in 0..<n where value[c] > -.infinity {
                    let shared = (masks[c] & chosenMask).nonzeroBitCount
                    var union = bits[c] &+ chosenBits &- shared
                    // Two empty sets are identical (similarity 1 = 1/1).
                    let sharedOrOne = union > 0 ? shared : 1
                    union = union > 0 ? union : 1
                    guard sharedOrOne &* maxUnion[c] > maxShared[c] &* union else { continue }
                    maxShared[c] = sharedOrOne
                    maxUnion[c] = union
                    let similarity = Double(sharedOrOne) / Double(union)
                    value[c] = lambda * relevance[c] - (1 - lambda) * similarity
                }
            }
        }}}}}}
        return chosen
    }

    private func rerank(relevance: [Double], count: Int, similarity: (Int, Int) -> Double) -> [Int] {
        var chosen: [Int] = []
        var maxSimilarity = Array(repeating: 0.0, count: relevance.count)
        var taken = Array(repeating: false, count: relevance.count)
        while chosen.count < min(count, relevance.count) {
            var best = -1
            var bestValue = -Double.infinity
            for c in relevance.indices where !taken[c] {
                let value = lambda * relevance[c] - (1 - lambda) * maxSimilarity[c]
                if value > bestValue { best = c; bestValue = value }
            }
            guard best >= 0 else { break }
            taken[best] = true
            chosen.append(best)
            for c in relevance.indices where !taken[c] {
                maxSimilarity[c] = max(maxSimilarity[c], similarity(c, best))
            }
        }
        return chosen
    }

    public static func jaccard(_ a: [NodeIndex], _ b: [NodeIndex]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let common = a.filter { b.contains($0) }.count
        let union = a.count + b.count - common
        return union > 0 ? Double(common) / Double(union) : 0
    }
}

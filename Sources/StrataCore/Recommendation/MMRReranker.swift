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

    /// Indices into `relevance` (and `categories`) in chosen order, at most `count`.
    /// O(count × candidates × categories).
    public func rerank(relevance: [Double], categories: [[NodeIndex]], count: Int) -> [Int] {
        precondition(relevance.count == categories.count, "\(relevance.count) relevances for \(categories.count) candidates")
        var chosen: [Int] = []
        var maxSimilarity = Array(repeating: 0.0, count: relevance.count)
        let masks = categories.map(Self.mask)
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
            let chosenMask = masks[best]
            for c in relevance.indices where !taken[c] {
                let similarity: Double
                if let chosenMask, let mask = masks[c] {
                    let union = (mask | chosenMask).nonzeroBitCount
                    similarity = union > 0 ? Double((mask & chosenMask).nonzeroBitCount) / Double(union) : 1
                } else {
                    similarity = Self.jaccard(categories[c], categories[best])
                }
                maxSimilarity[c] = max(maxSimilarity[c], similarity)
            }
        }
        return chosen
    }

    /// The category set as a bit mask when every node index is below 64 (no allocation).
    @inline(__always)
    static func mask(_ nodes: [NodeIndex]) -> UInt64? {
        var mask: UInt64 = 0
        for node in nodes {
            guard node >= 0 && node < 64 else { return nil }
            mask |= 1 << UInt64(node)
        }
        return mask
    }

    public static func jaccard(_ a: [NodeIndex], _ b: [NodeIndex]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let common = a.filter { b.contains($0) }.count
        let union = a.count + b.count - common
        return union > 0 ? Double(common) / Double(union) : 0
    }
}

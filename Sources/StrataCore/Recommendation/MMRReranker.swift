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
                maxSimilarity[c] = max(maxSimilarity[c], Self.jaccard(categories[c], categories[best]))
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

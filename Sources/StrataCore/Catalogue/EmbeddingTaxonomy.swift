/// A taxonomy made from the items' language-model vectors, for logs without categories
/// (issue 10, item 6; Docs/language-model.md §9): recursive bisecting spherical k-means over the
/// unit item vectors — split the largest cluster in two until a level has its clusters, then
/// the same inside each cluster for the next level — each node named by its most
/// characteristic title words (TF-IDF across its siblings). Deterministic for a seed.
public struct EmbeddingTaxonomy: Sendable {
    /// 2 or 3 levels.
    public var levels: Int
    /// Clusters per node at each level (at most; small clusters are not split).
    public var branching: Int
    /// A cluster smaller than this is not split further.
    public var minimumSize: Int
    public var seed: UInt64

    public init(levels: Int = 2, branching: Int = 8, minimumSize: Int = 6, seed: UInt64 = 42) {
        precondition((2...3).contains(levels), "an embedding taxonomy has 2 or 3 levels, got \(levels)")
        precondition(branching >= 2, "branching must be at least 2, got \(branching)")
        self.levels = levels
        self.branching = branching
        self.minimumSize = max(2, minimumSize)
        self.seed = seed
    }

    /// The catalogue with each item filed under one path of `levels` cluster names, items in
    /// the same order (so events keep their indices); nil when the items have no vectors.
    /// O(levels × items × dimension × iterations × branching).
    public func apply(to catalogue: Catalogue) -> Catalogue? {
        guard let index = SemanticIndex(catalogue: catalogue) else { return nil }
        var generator = Xoshiro256StarStar(seed: seed)
        var paths = [[String]](repeating: [], count: catalogue.count)
        var groups: [[ItemIndex]] = [Array(0..<catalogue.count)]
        for _ in 0..<levels {
            var next: [[ItemIndex]] = []
            for group in groups {
                let clusters = bisect(group, into: branching, index: index, generator: &generator)
                let names = Self.names(of: clusters, catalogue: catalogue)
                for (cluster, name) in zip(clusters, names) {
                    for item in cluster { paths[item].append(name) }
                    next.append(cluster)
                }
            }
            groups = next
        }
        return Catalogue(items: catalogue.items.enumerated().map { i, item in
            var item = item
            item.paths = [paths[i]]
            return item
        })
    }

    /// Splits the largest cluster in two until there are `count` (or none can be split).
    func bisect(_ items: [ItemIndex], into count: Int, index: SemanticIndex, generator: inout Xoshiro256StarStar) -> [[ItemIndex]] {
        var clusters = [items]
        while clusters.count < count {
            guard let largest = clusters.indices.max(by: { clusters[$0].count < clusters[$1].count || (clusters[$0].count == clusters[$1].count && $0 > $1) }),
                  clusters[largest].count >= 2 * minimumSize else { break }
            let (left, right) = twoMeans(clusters[largest], index: index, generator: &generator)
            guard !left.isEmpty, !right.isEmpty else { break }
            clusters[largest] = left
            clusters.insert(right, at: largest + 1)
        }
        return clusters
    }

    /// Spherical 2-means: seeds a random item and the item least similar to it, then ten rounds
    /// of assign-to-the-nearer-centroid. Items keep their catalogue order within each half.
    func twoMeans(_ items: [ItemIndex], index: SemanticIndex, generator: inout Xoshiro256StarStar) -> ([ItemIndex], [ItemIndex]) {
        let d = index.dimension
        let first = items[generator.nextIndex(below: items.count)]
        var a = index.row(first)
        var far = first, lowest = Float.infinity
        for item in items {
            let c = index.dot(item, a)
            if c < lowest { lowest = c; far = item }
        }
        var b = index.row(far)
        var assignment = [Bool](repeating: false, count: items.count)   // true: b
        for _ in 0..<10 {
            var changed = false
            var sumA = [Float](repeating: 0, count: d), sumB = [Float](repeating: 0, count: d)
            for (k, item) in items.enumerated() {
                let toB = index.dot(item, b) > index.dot(item, a)
                if toB != assignment[k] { changed = true; assignment[k] = toB }
                if toB { index.add(item, to: &sumB) } else { index.add(item, to: &sumA) }
            }
            a = SemanticIndex.unit(sumA)
            b = SemanticIndex.unit(sumB)
            if !changed { break }
        }
        var left: [ItemIndex] = [], right: [ItemIndex] = []
        for (k, item) in items.enumerated() { if assignment[k] { right.append(item) } else { left.append(item) } }
        return (left, right)
    }

    /// Each cluster's two title words with the highest tf × log(1 + siblings / siblings holding
    /// the word) (a word in one title only counts a quarter in clusters of ten items or more),
    /// joined by " · "; made unique among the siblings with a number when needed.
    static func names(of clusters: [[ItemIndex]], catalogue: Catalogue) -> [String] {
        let counts: [[String: Int]] = clusters.map { cluster in
            var tf: [String: Int] = [:]
            for item in cluster { for word in Set(StrataModel.words(in: catalogue.items[item].title)) { tf[word, default: 0] += 1 } }
            return tf
        }
        var documentFrequency: [String: Int] = [:]
        for tf in counts { for word in tf.keys { documentFrequency[word, default: 0] += 1 } }
        let n = Double(clusters.count)
        var used: [String: Int] = [:]
        return zip(counts, clusters).map { tf, cluster in
            // A word of one title says little about a cluster of many: a quarter of its weight.
            let ranked = tf.map { word, count -> (String, Double) in
                let weight = count < 2 && cluster.count >= 10 ? 0.25 : 1
                return (word, weight * Double(count) * strataLog(1 + n / Double(documentFrequency[word] ?? 1)))
            }
                .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            var name = ranked.prefix(2).map(\.0).joined(separator: " · ")
            if name.isEmpty { name = "cluster" }
            used[name, default: 0] += 1
            if let seen = used[name], seen > 1 { name += " \(seen)" }
            return name
        }
    }
}

extension SemanticIndex {
    func row(_ item: ItemIndex) -> [Float] { Array(rows[item * dimension..<(item + 1) * dimension]) }

    func dot(_ item: ItemIndex, _ vector: [Float]) -> Float {
        var sum: Float = 0
        let base = item * dimension
        for k in 0..<dimension { sum += rows[base + k] * vector[k] }
        return sum
    }

    func add(_ item: ItemIndex, to sum: inout [Float]) {
        let base = item * dimension
        for k in 0..<dimension { sum[k] += rows[base + k] }
    }
}

/// The catalogue's item vectors as unit rows, and each taxonomy node's centroid (the unit mean
/// of its items' vectors), for ranking by cosine against a query (Docs/language-model.md §8).
/// Built once from `Item.embedding`; nil when the items carry no vectors of one length.
public struct SemanticIndex: Sendable {
    public let dimension: Int
    /// Row-major unit vectors, `items × dimension`.
    let rows: [Float]
    /// Row-major unit centroids, `nodes × dimension` (zero rows for nodes without items).
    let centroids: [Float]

    /// O(items × dimension × depth).
    public init?(catalogue: Catalogue) {
        guard let first = catalogue.items.first?.embedding, !first.isEmpty,
              catalogue.items.allSatisfy({ $0.embedding?.count == first.count }) else { return nil }
        let d = first.count
        dimension = d
        var rows = [Float](repeating: 0, count: catalogue.count * d)
        for (i, item) in catalogue.items.enumerated() {
            let vector = Self.unit(item.embedding ?? [])
            for k in 0..<d { rows[i * d + k] = vector[k] }
        }
        self.rows = rows
        let nodeCount = catalogue.taxonomy.nodeCount
        var centroids = [Float](repeating: 0, count: nodeCount * d)
        for node in 0..<min(nodeCount, catalogue.itemsUnder.count) {
            var sum = [Double](repeating: 0, count: d)
            for item in catalogue.itemsUnder[node] {
                for k in 0..<d { sum[k] += Double(rows[item * d + k]) }
            }
            let unit = Self.unit(sum.map(Float.init))
            for k in 0..<d { centroids[node * d + k] = unit[k] }
        }
        self.centroids = centroids
    }

    static func unit(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }

    /// The `count` items most similar to `query` (best first, ties by index), with cosines.
    /// O(items × dimension).
    public func nearestItems(to query: [Float], count: Int) -> [(item: ItemIndex, cosine: Double)] {
        nearest(query, in: rows, count: count)
    }

    /// The `count` taxonomy nodes (root excluded) whose centroid is most similar to `query`.
    public func nearestNodes(to query: [Float], count: Int) -> [(node: NodeIndex, cosine: Double)] {
        nearest(query, in: centroids, count: count, skipping: Taxonomy.root).map { ($0.item, $0.cosine) }
    }

    private func nearest(_ query: [Float], in table: [Float], count: Int, skipping: Int? = nil) -> [(item: Int, cosine: Double)] {
        guard query.count == dimension, count > 0 else { return [] }
        let q = Self.unit(query)
        let d = dimension
        var scores = [Double](repeating: -.infinity, count: table.count / d)
        table.withUnsafeBufferPointer { t in
            for r in scores.indices where r != skipping {
                var dot: Float = 0
                for k in 0..<d { dot += t[r * d + k] * q[k] }
                scores[r] = Double(dot)
            }
        }
        return TopScores.best(count, of: scores, excludingSorted: []).map { ($0, scores[$0]) }
    }
}

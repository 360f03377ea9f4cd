/// Thins long series so chart files stay small while peaks stay visible.
enum SeriesDownsampler {
    /// Keeps at most about `limit` points: the first, the last, and in each of `limit / 2`
    /// equal index buckets the point with the smallest and the one with the largest y, in
    /// their original order. Series of `limit` points or fewer come back unchanged. O(n).
    static func minMax(_ points: [SVGChart.Point], limit: Int) -> [SVGChart.Point] {
        guard points.count > limit, limit >= 4 else { return points }
        let buckets = limit / 2 - 1
        var kept = [points[0]]
        kept.reserveCapacity(limit)
        let inner = points.count - 2
        for bucket in 0..<buckets {
            let start = 1 + bucket * inner / buckets
            let end = 1 + (bucket + 1) * inner / buckets
            guard start < end else { continue }
            var low = start
            var high = start
            for index in start..<end {
                if points[index].y < points[low].y { low = index }
                if points[index].y > points[high].y { high = index }
            }
            for index in Set([low, high]).sorted() { kept.append(points[index]) }
        }
        kept.append(points[points.count - 1])
        return kept
    }

    /// Index buckets for averaging `count` columns down to at most `limit` (for stacked
    /// shares, where averages keep each column summing to 1): `limit` equal, non-empty ranges,
    /// or one range per column when `count <= limit`.
    static func buckets(count: Int, limit: Int) -> [Range<Int>] {
        guard count > limit, limit >= 1 else { return (0..<count).map { $0..<($0 + 1) } }
        return (0..<limit).compactMap { bucket in
            let start = bucket * count / limit
            let end = (bucket + 1) * count / limit
            return start < end ? start..<end : nil
        }
    }
}

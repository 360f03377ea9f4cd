/// Sequential (online) k-means (MacQueen 1967) over users' long-tier top-level shares (SPEC §3,
/// Docs/model.md §6): one point at a time, each moving its nearest centre with rate
/// 1/(points that centre has seen) before the next point is assigned. Not mini-batch k-means
/// (Sculley 2010), which assigns a whole batch to fixed centres first. Deterministic: centres
/// start at the first `k` distinct profiles met and points are visited in the order given.
public struct SequentialKMeans: Hashable, Sendable {
    public let k: Int
    public let dimension: Int
    /// Flat `k × dimension` centres.
    public private(set) var centres: [Double]
    public private(set) var counts: [Int]
    public private(set) var initialised = 0

    public init(k: Int, dimension: Int) {
        precondition(k > 0 && dimension >= 0, "k-means needs k > 0 and dimension ≥ 0, got k=\(k), d=\(dimension)")
        self.k = k
        self.dimension = dimension
        centres = Array(repeating: 0, count: k * dimension)
        counts = Array(repeating: 0, count: k)
    }

    /// The index of the nearest centre (squared Euclidean; ties go to the lower index).
    public func nearest(_ point: [Double]) -> Int {
        guard initialised > 0 else { return 0 }
        var best = 0
        var bestDistance = Double.infinity
        for c in 0..<initialised {
            var d = 0.0
            let base = c * dimension
            for j in 0..<dimension {
                let diff = point[j] - centres[base + j]
                d += diff * diff
            }
            if d < bestDistance {
                bestDistance = d
                best = c
            }
        }
        return best
    }

    /// Sequential updates over `points`, in the order given (a point of the wrong dimension is
    /// skipped).
    public mutating func update(points: [[Double]]) {
        for point in points where point.count == dimension {
            if initialised < k, !(0..<initialised).contains(where: { isCentre($0, equalTo: point) }) {
                let base = initialised * dimension
                for j in 0..<dimension { centres[base + j] = point[j] }
                counts[initialised] = 1
                initialised += 1
                continue
            }
            let c = nearest(point)
            counts[c] += 1
            let rate = 1 / Double(counts[c])
            let base = c * dimension
            for j in 0..<dimension { centres[base + j] += rate * (point[j] - centres[base + j]) }
        }
    }

    private func isCentre(_ c: Int, equalTo point: [Double]) -> Bool {
        let base = c * dimension
        return (0..<dimension).allSatisfy { centres[base + $0] == point[$0] }
    }
}

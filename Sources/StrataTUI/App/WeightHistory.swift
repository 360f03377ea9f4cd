/// A bounded ring buffer of weight vectors, one sample per advance of the model (a step, a
/// decision, or a frame of playback), for the weights pane's sparklines.
///
/// Flat storage: sample s, weight k at `slot(s) * dimension + k`. Samples carry the stream
/// position they were taken at, so a rewind drops the samples from the future.
public struct WeightHistory: Hashable, Sendable {
    public let capacity: Int
    public let dimension: Int
    private var values: [Double]
    private var positions: [Int]
    /// Index of the oldest sample in the ring.
    private var start = 0
    public private(set) var count = 0

    public init(capacity: Int, dimension: Int) {
        precondition(capacity > 0 && dimension >= 0, "history capacity \(capacity), dimension \(dimension)")
        self.capacity = capacity
        self.dimension = dimension
        values = Array(repeating: 0, count: capacity * dimension)
        positions = Array(repeating: 0, count: capacity)
    }

    /// Appends a sample, dropping the oldest when full. O(dimension).
    public mutating func append(_ weights: [Double], position: Int) {
        precondition(weights.count == dimension, "sample of \(weights.count) weights, history holds \(dimension)")
        let slot: Int
        if count < capacity {
            slot = (start + count) % capacity
            count += 1
        } else {
            slot = start
            start = (start + 1) % capacity
        }
        for k in 0..<dimension { values[slot * dimension + k] = weights[k] }
        positions[slot] = position
    }

    /// Drops samples taken after `position` (after a rewind). O(count).
    public mutating func truncate(after position: Int) {
        while count > 0 && positions[(start + count - 1) % capacity] > position { count -= 1 }
    }

    /// The last `limit` values of weight `k`, oldest first. O(limit).
    public func series(_ k: Int, limit: Int) -> [Double] {
        let shown = min(limit, count)
        return (0..<shown).map { i in
            let slot = (start + count - shown + i) % capacity
            return values[slot * dimension + k]
        }
    }

    /// The sample before the latest one for weight `k` (for the change column), if any.
    public func previous(_ k: Int) -> Double? {
        guard count >= 2 else { return nil }
        return values[((start + count - 2) % capacity) * dimension + k]
    }

    /// Whether the latest sample equals `weights` (false when empty). O(dimension).
    public func latestEquals(_ weights: [Double]) -> Bool {
        guard count > 0, weights.count == dimension else { return false }
        let slot = (start + count - 1) % capacity
        for k in 0..<dimension where values[slot * dimension + k] != weights[k] { return false }
        return true
    }
}

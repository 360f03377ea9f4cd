/// Prequential metrics of one window of stream positions (`eval --window N`), the points of
/// the prequential curve (`plot --chart prequential`).
public struct WindowMetrics: Hashable, Sendable, Codable {
    /// Stream positions `start ..< end`.
    public var start: Int
    public var end: Int
    public var evaluated: Int
    /// nil when nothing in the window was evaluated (JSON null).
    public var hitRateAt10: Double?
    public var ndcgAt10: Double?
    public var mrr: Double?

    enum CodingKeys: String, CodingKey {
        case start, end, evaluated
        case hitRateAt10 = "hr10"
        case ndcgAt10 = "ndcg10"
        case mrr
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(evaluated, forKey: .evaluated)
        try container.encode(hitRateAt10, forKey: .hitRateAt10)
        try container.encode(ndcgAt10, forKey: .ndcgAt10)
        try container.encode(mrr, forKey: .mrr)
    }

    /// Metrics over consecutive windows of `size` stream events covering `0 ..< events`,
    /// sums in stream order as `PrequentialMetrics` does. O(n + events / size).
    public static func windows(of evaluated: [EvaluatedPositive], size: Int, events: Int) -> [WindowMetrics] {
        precondition(size >= 1, "a window holds at least one event, got \(size)")
        let count = events == 0 ? 0 : (events + size - 1) / size
        var metrics = Array(repeating: PrequentialMetrics(), count: count)
        for positive in evaluated where positive.position / size < count {
            metrics[positive.position / size].record(rank: positive.rank)
        }
        return metrics.enumerated().map { index, window in
            let empty = window.evaluated == 0
            return WindowMetrics(start: index * size, end: min((index + 1) * size, events), evaluated: window.evaluated,
                                 hitRateAt10: empty ? nil : window.hitRateAt10, ndcgAt10: empty ? nil : window.ndcgAt10,
                                 mrr: empty ? nil : window.mrr)
        }
    }
}

/// One user's prequential metrics (`eval --per-user FILE`).
public struct UserMetrics: Hashable, Sendable {
    public var user: UserIndex
    public var metrics: PrequentialMetrics

    /// Every user with at least one evaluated positive, ascending by user index.
    public static func perUser(_ evaluated: [EvaluatedPositive]) -> [UserMetrics] {
        var byUser: [UserIndex: PrequentialMetrics] = [:]
        for positive in evaluated { byUser[positive.user, default: PrequentialMetrics()].record(rank: positive.rank) }
        return byUser.keys.sorted().map { UserMetrics(user: $0, metrics: byUser[$0] ?? PrequentialMetrics()) }
    }
}

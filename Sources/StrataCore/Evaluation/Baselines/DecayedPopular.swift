/// Baseline: popularity that halves every `halfLifeSeconds` of stream time (EVALUATION.md,
/// "Built-in baselines").
///
/// Per item a value v and the time τ of its last update (lazy decay). On a positive at t:
/// `v ← v·2^(−(t−τ)/h) + 1; τ ← t`. Score at t: `v·2^(−(t−τ)/h)`, 0 for items never positive.
/// O(items) to score, O(1) to learn.
public struct DecayedPopular: RankingModel, Hashable, Sendable {
    public let name = "DecayedPopular"
    public let halfLifeSeconds: Double
    public private(set) var values: [Double]
    public private(set) var updatedAt: [Int64]
    public private(set) var hasPositive: [Bool]

    public init(itemCount: Int, halfLifeSeconds: Double = 86_400) {
        precondition(halfLifeSeconds > 0, "half-life must be positive, got \(halfLifeSeconds)")
        self.halfLifeSeconds = halfLifeSeconds
        values = [Double](repeating: 0, count: itemCount)
        updatedAt = [Int64](repeating: 0, count: itemCount)
        hasPositive = [Bool](repeating: false, count: itemCount)
    }

    public var configDescription: [String: String] { ["half_life_s": String(halfLifeSeconds)] }

    /// v·2^(−(t−τ)/h), computed in exactly this order so the reference hash reproduces.
    @inline(__always)
    private func decayed(_ item: ItemIndex, to time: Int64) -> Double {
        values[item] * strataExp2(-Double(time - updatedAt[item]) / halfLifeSeconds)
    }

    public func score(user: UserIndex, time: Int64, into scores: inout [Double]) {
        for item in values.indices {
            scores[item] = hasPositive[item] ? decayed(item, to: time) : 0
        }
    }

    public mutating func learn(_ event: Event, isPositive: Bool) {
        guard isPositive else { return }
        let item = event.item
        values[item] = hasPositive[item] ? decayed(item, to: event.time) + 1 : 1
        updatedAt[item] = event.time
        hasPositive[item] = true
    }
}

extension DecayedPopular: Recommender {
    public func reasons(user: UserIndex, item: ItemIndex, catalogue: Catalogue) -> [Reason] {
        guard hasPositive[item] else { return [.note("no positive yet")] }
        return [.note("decayed popularity, half-life \(Int(halfLifeSeconds)) s")]
    }

    public var stateHash: String {
        var h = StateHasher()
        h.combine("decayed-popular-v1")
        h.combine(halfLifeSeconds)
        h.combine(values)
        h.combine(updatedAt.map(Int.init))
        h.combine(hasPositive.map { $0 ? 1 : 0 })
        return h.finalize()
    }
}

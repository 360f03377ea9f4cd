/// Baseline: score = number of positives of the item so far (EVALUATION.md, "Built-in
/// baselines"). O(items) to score, O(1) to learn.
public struct MostPopular: RankingModel, Hashable, Sendable {
    public let name = "MostPopular"
    public private(set) var positives: [Int]

    public init(itemCount: Int) {
        positives = [Int](repeating: 0, count: itemCount)
    }

    public func score(user: UserIndex, time: Int64, into scores: inout [Double]) {
        for item in positives.indices { scores[item] = Double(positives[item]) }
    }

    public mutating func learn(_ event: Event, isPositive: Bool) {
        if isPositive { positives[event.item] += 1 }
    }
}

extension MostPopular: Recommender {
    public func reasons(user: UserIndex, item: ItemIndex, catalogue: Catalogue) -> [Reason] {
        let count = positives[item]
        return [.note("\(count) positive\(count == 1 ? "" : "s") so far")]
    }

    public var stateHash: String {
        var h = StateHasher()
        h.combine("most-popular-v1")
        h.combine(positives)
        return h.finalize()
    }
}

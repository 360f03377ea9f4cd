import StrataCore

extension ExplorerState {
    /// The item `a` / `r` answer for the focused user, with its P(accept) before the answer.
    struct DecisionTarget {
        var item: ItemIndex
        var probability: Double
    }

    /// While details are open, the item they show — it may be a stream event's item or a search
    /// result rather than the selected recommendation behind the overlay; otherwise the
    /// selected recommendation. Nil when there is nothing to answer.
    var decisionTarget: DecisionTarget? {
        if case .details(let details, _) = overlay {
            return DecisionTarget(item: details.item, probability: details.probability)
        }
        if isSplit && selectedList == .b {
            guard companionRecommendations.indices.contains(companionSelection) else { return nil }
            let selected = companionRecommendations[companionSelection]
            return DecisionTarget(item: selected.item, probability: selected.probability)
        }
        guard recommendations.indices.contains(recommendationSelection) else { return nil }
        let selected = recommendations[recommendationSelection]
        return DecisionTarget(item: selected.item, probability: selected.probability)
    }
}

import StrataCore

/// Everything the details overlay says about one item for the focused user (SPEC §8 "why this
/// recommendation"): every feature's contribution `w_k · x_k`, the item's paths, its
/// co-occurrence neighbours and the user's history with it. Computed when the overlay opens
/// and after every change of the model while it is open; rendering only reads it.
public struct ItemDetails: Hashable, Sendable {
    public struct Feature: Hashable, Sendable {
        public var name: String
        public var words: String
        public var value: Double
        public var weight: Double
        public var contribution: Double
    }

    public struct Neighbour: Hashable, Sendable {
        public var title: String
        public var cosine: Double
    }

    public struct HistoryEntry: Hashable, Sendable {
        public var position: Int
        public var action: String
        /// True for an explorer decision rather than a stream event.
        public var isDecision: Bool
    }

    public var item: ItemIndex
    public var user: UserIndex
    public var userID: String
    public var itemID: String
    public var title: String
    public var paths: [String]
    public var score: Double
    public var probability: Double
    /// 1-based rank among the current recommendations, nil when not recommended.
    public var rank: Int?
    public var features: [Feature]
    public var neighbours: [Neighbour]
    public var history: [HistoryEntry]
    public var position: Int

    /// Computes the details of `item` for `user` from the replayer's current model.
    /// O(features + neighbours + events so far).
    public static func compute(
        item: ItemIndex, user: UserIndex, replayer: Replayer, recommendations: [Recommendation], ascii: Bool
    ) -> ItemDetails {
        let model = replayer.model
        let dataset = replayer.dataset
        let x = model.featureVector(user: user, item: item)
        let w = model.weights
        var features: [Feature] = []
        var score = 0.0
        for k in 0..<min(x.count, w.count) {
            let contribution = w[k] * x[k]
            score += contribution
            features.append(Feature(name: model.layout.name(of: k, tiers: model.tiers),
                                    words: model.describe(feature: k, user: user, item: item),
                                    value: x[k], weight: w[k], contribution: contribution))
        }
        features.sort { abs($0.contribution) > abs($1.contribution) || (abs($0.contribution) == abs($1.contribution) && $0.name < $1.name) }
        let catalogue = model.catalogue
        let paths = catalogue.leaves[item].map { model.taxonomy.displayPath(of: $0, ascii: ascii) }
        var neighbours = model.cooccurrence.neighbours(of: item).map { j in
            Neighbour(title: catalogue.items[Int(j)].title, cosine: model.cooccurrence.cosine(item, Int(j)))
        }
        neighbours.sort { $0.cosine > $1.cosine || ($0.cosine == $1.cosine && $0.title < $1.title) }
        var history: [HistoryEntry] = []
        for position in 0..<min(replayer.position, dataset.events.count) {
            let event = dataset.events[position]
            guard event.user == user && event.item == item else { continue }
            var action = event.action.rawValue
            if let value = event.value { action += " " + NumberText.fixed(value, decimals: 1) }
            history.append(HistoryEntry(position: position + 1, action: action, isDecision: false))
        }
        for decision in replayer.decisions where decision.user == user && decision.item == item && decision.position <= replayer.position {
            history.append(HistoryEntry(position: decision.position, action: decision.accepted ? "accepted" : "rejected", isDecision: true))
        }
        history.sort { $0.position < $1.position }
        let rank = recommendations.firstIndex { $0.item == item }.map { $0 + 1 }
        return ItemDetails(
            item: item, user: user, userID: dataset.userIDs.indices.contains(user) ? dataset.userIDs[user] : "#\(user)",
            itemID: catalogue.items[item].id, title: catalogue.items[item].title, paths: paths,
            score: score, probability: sigmoid(score), rank: rank,
            features: features, neighbours: Array(neighbours.prefix(6)), history: history, position: replayer.position)
    }
}

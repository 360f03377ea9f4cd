/// The models Strata can run by name (`--model`, `--compare`): one row per model, the only
/// place a new model is registered (Docs/architecture.md, "Adding a model").
public enum RecommenderKind: String, CaseIterable, Sendable, Hashable {
    case strata
    case mostPopular = "most-popular"
    case decayedPopular = "decayed-popular"
    case itemKNN = "item-knn"

    /// The names, as the CLI lists them.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// A fresh model of this kind for `dataset`. `config` is the adaptive model's (the
    /// baselines have no settings but DecayedPopular's half-life).
    public func make(for dataset: Dataset, config: ModelConfig, halfLifeSeconds: Double = 86_400) -> any Recommender {
        let items = dataset.catalogue.count
        switch self {
        case .strata:
            return AdaptiveRankingModel(model: StrataModel(catalogue: dataset.catalogue, config: config, userCount: dataset.userIDs.count))
        case .mostPopular: return MostPopular(itemCount: items)
        case .decayedPopular: return DecayedPopular(itemCount: items, halfLifeSeconds: halfLifeSeconds)
        case .itemKNN: return ItemKNN(itemCount: items)
        }
    }
}

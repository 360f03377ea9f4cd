/// The panes Tab moves focus through, in order.
public enum ExplorerPane: Int, CaseIterable, Hashable, Sendable {
    case tree, recommendations, stream, weights

    public var title: String {
        switch self {
        case .tree: "Interests"
        case .recommendations: "Recommendations"
        case .stream: "Stream"
        case .weights: "Weights"
        }
    }

    /// The tab name in the compact layout.
    public var tabTitle: String {
        switch self {
        case .tree: "Tree"
        case .recommendations: "Recs"
        case .stream: "Stream"
        case .weights: "Weights"
        }
    }
}

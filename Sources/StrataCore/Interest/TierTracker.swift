/// One user's tier labels with hysteresis (SPEC §3, Docs/model.md §4).
///
/// A sibling group is re-evaluated whenever one of its members receives evidence; shares of
/// untouched groups cannot change (every node of a tier decays by the same factor), so this is
/// exact. A candidate label replaces the current one once it has been the outcome of
/// `rule.hysteresis` consecutive evaluations of that node.
public struct TierTracker: Hashable, Sendable {
    public private(set) var labels: [TierLabel]
    private var pending: [TierLabel]
    private var pendingCount: [UInt8]

    public init(nodeCount: Int) {
        labels = Array(repeating: .dormant, count: nodeCount)
        pending = Array(repeating: .dormant, count: nodeCount)
        pendingCount = Array(repeating: 0, count: nodeCount)
    }

    /// Evaluates one node given its shares; returns the change when the label flips.
    mutating func evaluate(node: NodeIndex, candidate: TierLabel, hysteresis: Int) -> (from: TierLabel, to: TierLabel)? {
        if candidate == labels[node] {
            pendingCount[node] = 0
            return nil
        }
        if candidate == pending[node] && pendingCount[node] > 0 {
            pendingCount[node] &+= 1
        } else {
            pending[node] = candidate
            pendingCount[node] = 1
        }
        guard Int(pendingCount[node]) >= hysteresis else { return nil }
        let from = labels[node]
        labels[node] = candidate
        pendingCount[node] = 0
        return (from, candidate)
    }

    /// Pending candidate and its count, for the state hash and the details view.
    public func pendingState(of node: NodeIndex) -> (label: TierLabel, count: Int) {
        (pending[node], Int(pendingCount[node]))
    }
}

/// One user's tier labels with hysteresis (SPEC §3, Docs/model.md §4).
///
/// A sibling group is re-evaluated whenever one of its members receives evidence; shares of
/// untouched groups cannot change (every node of a tier decays by the same factor), so this is
/// exact. A candidate label replaces the current one once it has been the outcome of
/// `rule.hysteresis` consecutive evaluations of that node.
///
/// Sparse: only nodes whose label or pending candidate is not the default (dormant, nothing
/// pending) are stored, in ascending node order.
public struct LabelTracker: Hashable, Sendable {
    /// Nodes with a stored entry, ascending.
    public private(set) var nodes: [Int32] = []
    private var labels: [InterestLabel] = []
    private var pending: [InterestLabel] = []
    private var pendingCount: [UInt8] = []

    public init() {}

    private func position(of node: NodeIndex) -> (index: Int, found: Bool) {
        let key = Int32(truncatingIfNeeded: node)
        var low = 0, high = nodes.count
        while low < high {
            let mid = (low &+ high) >> 1
            if nodes[mid] < key { low = mid &+ 1 } else { high = mid }
        }
        return (low, low < nodes.count && nodes[low] == key)
    }

    /// The node's current label (dormant when never labelled).
    public func label(of node: NodeIndex) -> InterestLabel {
        let (at, found) = position(of: node)
        return found ? labels[at] : .dormant
    }

    /// Evaluates one node given its shares; returns the change when the label flips.
    mutating func evaluate(node: NodeIndex, candidate: InterestLabel, hysteresis: Int) -> (from: InterestLabel, to: InterestLabel)? {
        var (at, found) = position(of: node)
        if !found {
            // Default entry: dormant, nothing pending. Agreeing with it changes nothing.
            if candidate == .dormant { return nil }
            nodes.insert(Int32(truncatingIfNeeded: node), at: at)
            labels.insert(.dormant, at: at)
            pending.insert(.dormant, at: at)
            pendingCount.insert(0, at: at)
            found = true
        }
        if candidate == labels[at] {
            pendingCount[at] = 0
            return nil
        }
        if candidate == pending[at] && pendingCount[at] > 0 {
            pendingCount[at] &+= 1
        } else {
            pending[at] = candidate
            pendingCount[at] = 1
        }
        guard Int(pendingCount[at]) >= hysteresis else { return nil }
        let from = labels[at]
        labels[at] = candidate
        pendingCount[at] = 0
        return (from, candidate)
    }

    /// Pending candidate and its count, for the state hash and the details view.
    public func pendingState(of node: NodeIndex) -> (label: InterestLabel, count: Int) {
        let (at, found) = position(of: node)
        return found ? (pending[at], Int(pendingCount[at])) : (.dormant, 0)
    }

    /// Entries that differ from the default (label dormant, nothing pending), ascending by
    /// node: what the state hash reads, so stored-but-default entries never matter.
    var significantEntries: [(node: Int32, label: InterestLabel, pending: InterestLabel, count: UInt8)] {
        nodes.indices.compactMap { k in
            labels[k] == .dormant && pendingCount[k] == 0 ? nil : (nodes[k], labels[k], pending[k], pendingCount[k])
        }
    }

    /// Bytes held (for the memory figures).
    public var storedBytes: Int { nodes.count * 7 }
}

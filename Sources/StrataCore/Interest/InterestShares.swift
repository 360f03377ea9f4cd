extension UserInterest {
    /// Fills `shares[node * tierCount + tier]` with the sibling share `p_τ(n) = s_τ(n) / Σ_siblings s_τ`
    /// for every node (the root gets 1; untouched nodes 0). A group with no mass gives shares
    /// of 0. O(touched × tiers) when the table and workspace were filled together before (only
    /// the slots written last time are cleared), O(nodes × tiers) the first time. Docs/model.md §3.
    public func fillSiblingShareTable(
        taxonomy: Taxonomy, tiers: [TemporalTier], decay: [DecayTable], into shares: inout [Double]
    ) {
        var workspace = SiblingShareWorkspace()
        fillSiblingShareTable(parents: taxonomy.parents, tiers: tiers, decay: decay, into: &shares, workspace: &workspace)
    }

    /// The same with the caller's workspace (no allocation on the hot path).
    public func fillSiblingShareTable(
        parents: [NodeIndex], tiers: [TemporalTier], decay: [DecayTable],
        into shares: inout [Double], workspace: inout SiblingShareWorkspace
    ) {
        let nodeCount = parents.count
        let tierCount = self.tierCount
        if shares.count != nodeCount * tierCount || !workspace.tracksTable {
            shares = Array(repeating: 0, count: nodeCount * tierCount)
            workspace.tracksTable = true
        } else {
            for node in workspace.written { for t in 0..<tierCount { shares[Int(node) &* tierCount &+ t] = 0 } }
        }
        workspace.written = nodes
        if workspace.latest.count != nodeCount {
            workspace.latest = Array(repeating: -.infinity, count: nodeCount)
            workspace.total = Array(repeating: 0, count: nodeCount)
        }
        for t in 0..<tierCount { shares[t] = 1 }
        guard !nodes.isEmpty else { return }
        for t in 0..<tierCount {
            let table = decay[t]
            shares.withUnsafeMutableBufferPointer { out in
            workspace.latest.withUnsafeMutableBufferPointer { latest in
            workspace.total.withUnsafeMutableBufferPointer { total in
            nodes.withUnsafeBufferPointer { nodes in
            strength.withUnsafeBufferPointer { values in
            updatedAt.withUnsafeBufferPointer { times in
            parents.withUnsafeBufferPointer { parents in
                // Shares are scale-free: each group is decayed to its own latest update, not to
                // `now`, so a group left alone for a long time neither underflows to 0 nor has a
                // subnormal total whose reciprocal overflows (Docs/model.md §3).
                for k in 0..<nodes.count {
                    let slot = k &* tierCount &+ t
                    guard values[slot] != 0 else { continue }
                    let parent = parents[Int(nodes[k])]
                    if times[slot] > latest[parent] { latest[parent] = times[slot] }
                }
                for k in 0..<nodes.count {
                    let slot = k &* tierCount &+ t
                    let value = values[slot]
                    guard value != 0 else { continue }
                    let node = Int(nodes[k])
                    let decayed = value * table.factor(latest[parents[node]] - times[slot])
                    out[node &* tierCount &+ t] = decayed
                    total[parents[node]] += decayed
                }
                for k in 0..<nodes.count {
                    let node = Int(nodes[k])
                    let parent = parents[node]
                    let sum = total[parent]
                    let at = node &* tierCount &+ t
                    // × 1/Σ as always; ÷ Σ only when 1/Σ would overflow (a subnormal total).
                    let inverse = sum > 0 ? 1 / sum : 0
                    out[at] = inverse.isFinite ? out[at] * inverse : out[at] / sum
                }
                // Reset only what was written.
                for k in 0..<nodes.count {
                    let parent = parents[Int(nodes[k])]
                    latest[parent] = -.infinity
                    total[parent] = 0
                }
            }}}}}}}
        }
    }

    /// Sibling shares of one group for one tier, in `taxonomy.children[parent]` order.
    public func siblingShares(
        ofChildrenOf parent: NodeIndex, tier: Int, taxonomy: Taxonomy,
        tiers: [TemporalTier], decay: [DecayTable]
    ) -> [Double] {
        let children = taxonomy.children[parent]
        // Decayed to the group's latest update (scale-free, as in `fillSiblingShareTable`).
        var latest = -Double.infinity
        for node in children where rawStrength(of: node, tier: tier) != 0 { latest = max(latest, updateClock(of: node, tier: tier)) }
        let values = children.map { node -> Double in
            let value = rawStrength(of: node, tier: tier)
            return value == 0 ? 0 : value * decay[tier].factor(latest - updateClock(of: node, tier: tier))
        }
        let total = values.reduce(0, +)
        return total > 0 ? values.map { $0 / total } : values.map { _ in 0 }
    }
}

extension UserInterest {
    /// `siblingShares(ofChildrenOf: Taxonomy.root, …)` bit for bit (at the top level a node's
    /// sibling share is also its path share, so one name serves), over the touched nodes only:
    /// `ordinal[n]` is n's position among the root's children (−1 below the top level), `count`
    /// their number. Children are in ascending node order and so are the touched nodes, so the
    /// total adds the same non-zero terms in the same order (the zeros it skips add nothing).
    /// O(touched) without a lookup, where the dense form searched every top-level node; segments
    /// read it for every user they refresh.
    public func topLevelShares(tier: Int, parents: [NodeIndex], ordinal: [Int32], count: Int,
                               decay: [DecayTable]) -> [Double] {
        var out = Array(repeating: 0.0, count: count)
        guard !nodes.isEmpty else { return out }
        var latest = -Double.infinity
        for k in nodes.indices where parents[Int(nodes[k])] == Taxonomy.root {
            let slot = k &* tierCount &+ tier
            if strength[slot] != 0 { latest = max(latest, updatedAt[slot]) }
        }
        var total = 0.0
        for k in nodes.indices where parents[Int(nodes[k])] == Taxonomy.root {
            let slot = k &* tierCount &+ tier
            let value = strength[slot]
            guard value != 0 else { continue }
            let decayed = value * decay[tier].factor(latest - updatedAt[slot])
            out[Int(ordinal[Int(nodes[k])])] = decayed
            total += decayed
        }
        guard total > 0 else { return Array(repeating: 0, count: count) }
        for k in out.indices where out[k] != 0 { out[k] /= total }
        return out
    }
}

/// Per-parent scratch of the sibling-share computation, reused across users (not part of any state).
public struct SiblingShareWorkspace: Sendable {
    var latest: [Double] = []
    var total: [Double] = []
    /// Nodes whose slots the last fill wrote into the paired table (cleared on the next fill).
    var written: [Int32] = []
    /// Whether `written` describes the table passed in (false: clear it all first).
    var tracksTable = false
    public init() {}
}

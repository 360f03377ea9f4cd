extension UserInterest {
    /// Fills `shares[node * tierCount + tier]` with `p_τ(n) = s_τ(n) / Σ_siblings s_τ`
    /// for every node (the root gets 1). A group with no mass gives shares of 0.
    /// O(nodes × tiers). Docs/model.md §3 "Shares".
    public func fillShareTable(
        taxonomy: Taxonomy, tiers: [TemporalTier], decay: [DecayTable], into shares: inout [Double]
    ) {
        let count = taxonomy.nodeCount * tierCount
        if shares.count != count { shares = Array(repeating: 0, count: count) }
        let tierCount = self.tierCount
        for t in 0..<tierCount {
            let now = clock(tiers[t].clock)
            let table = decay[t]
            shares.withUnsafeMutableBufferPointer { out in
            strength.withUnsafeBufferPointer { values in
            updatedAt.withUnsafeBufferPointer { times in
                out[t] = 1
                for parent in 0..<taxonomy.nodeCount {
                    let group = taxonomy.children[parent]
                    if group.isEmpty { continue }
                    var total = 0.0
                    for child in group {
                        let slot = child &* tierCount &+ t
                        let value = values[slot]
                        let decayed = value == 0 ? 0 : value * table.factor(now - times[slot])
                        out[slot] = decayed
                        total += decayed
                    }
                    let scale = total > 0 ? 1 / total : 0
                    for child in group { out[child &* tierCount &+ t] *= scale }
                }
            }}}
        }
    }

    /// Shares of one sibling group for one tier, in `taxonomy.children[parent]` order.
    public func shares(
        ofChildrenOf parent: NodeIndex, tier: Int, taxonomy: Taxonomy,
        tiers: [TemporalTier], decay: [DecayTable]
    ) -> [Double] {
        let values = taxonomy.children[parent].map { strength(of: $0, tier: tier, tiers: tiers, decay: decay) }
        let total = values.reduce(0, +)
        return total > 0 ? values.map { $0 / total } : values.map { _ in 0 }
    }
}

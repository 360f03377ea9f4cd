extension UserInterest {
    /// Fills `shares[node * tierCount + tier]` with `p_τ(n) = s_τ(n) / Σ_siblings s_τ`
    /// for every node (the root gets 1). A group with no mass gives shares of 0.
    /// O(nodes × tiers). Docs/model.md §3 "Shares".
    public func fillShareTable(
        taxonomy: Taxonomy, tiers: [TemporalTier], decay: [DecayTable], into shares: inout [Double]
    ) {
        let flat = taxonomy.flattenedChildren()
        fillShareTable(childStart: flat.childStart, childList: flat.childList, tiers: tiers, decay: decay, into: &shares)
    }

    /// The same from a flattened taxonomy (`Taxonomy.flattenedChildren`), on raw buffers.
    public func fillShareTable(
        childStart: [Int], childList: [NodeIndex], tiers: [TemporalTier], decay: [DecayTable], into shares: inout [Double]
    ) {
        let nodeCount = childStart.count - 1
        let tierCount = self.tierCount
        if shares.count != nodeCount * tierCount { shares = Array(repeating: 0, count: nodeCount * tierCount) }
        for t in 0..<tierCount {
            let now = clock(tiers[t].clock)
            let table = decay[t]
            shares.withUnsafeMutableBufferPointer { out in
            strength.withUnsafeBufferPointer { values in
            updatedAt.withUnsafeBufferPointer { times in
            childStart.withUnsafeBufferPointer { start in
            childList.withUnsafeBufferPointer { list in
                out[t] = 1
                for parent in 0..<nodeCount {
                    let first = start[parent], end = start[parent &+ 1]
                    if first == end { continue }
                    // Shares are scale-free: decay to the group's latest update, not to `now`,
                    // so a group left alone for a long time neither underflows to 0 nor has
                    // a subnormal total whose reciprocal overflows (Docs/model.md §3).
                    var latest = -Double.infinity
                    for k in first..<end {
                        let slot = list[k] &* tierCount &+ t
                        if values[slot] != 0 && times[slot] > latest { latest = times[slot] }
                    }
                    let reference = latest > -.infinity ? latest : now
                    var total = 0.0
                    for k in first..<end {
                        let slot = list[k] &* tierCount &+ t
                        let value = values[slot]
                        let decayed = value == 0 ? 0 : value * table.factor(reference - times[slot])
                        out[slot] = decayed
                        total += decayed
                    }
                    let scale = total > 0 ? 1 / total : 0
                    for k in first..<end { out[list[k] &* tierCount &+ t] *= scale }
                }
            }}}}}
        }
    }

    /// Shares of one sibling group for one tier, in `taxonomy.children[parent]` order.
    public func shares(
        ofChildrenOf parent: NodeIndex, tier: Int, taxonomy: Taxonomy,
        tiers: [TemporalTier], decay: [DecayTable]
    ) -> [Double] {
        let children = taxonomy.children[parent]
        // Decayed to the group's latest update (scale-free, as in `fillShareTable`).
        var latest = -Double.infinity
        for node in children where rawStrength(of: node, tier: tier) != 0 { latest = max(latest, updatedAt[node * tierCount + tier]) }
        let values = children.map { node -> Double in
            let value = rawStrength(of: node, tier: tier)
            return value == 0 ? 0 : value * decay[tier].factor(latest - updatedAt[node * tierCount + tier])
        }
        let total = values.reduce(0, +)
        return total > 0 ? values.map { $0 / total } : values.map { _ in 0 }
    }
}

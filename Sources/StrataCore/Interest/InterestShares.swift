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
                    var total = 0.0
                    for k in first..<end {
                        let slot = list[k] &* tierCount &+ t
                        let value = values[slot]
                        let decayed = value == 0 ? 0 : value * table.factor(now - times[slot])
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
        let values = taxonomy.children[parent].map { strength(of: $0, tier: tier, tiers: tiers, decay: decay) }
        let total = values.reduce(0, +)
        return total > 0 ? values.map { $0 / total } : values.map { _ in 0 }
    }
}

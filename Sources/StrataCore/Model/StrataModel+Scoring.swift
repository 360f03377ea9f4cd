extension StrataModel {
    /// Writes the margin `w · x(u, i)` of every catalogue item into `scores` (one per item),
    /// sharing the per-node and per-user work across items (Docs/model.md §10): each node's
    /// contribution `Σ_τ w_{τ,ℓ(n)} p_τ(n)` is computed once, content profiles are scattered into
    /// dense vectors once, and co-occurrence is accumulated from the recent positives' rows.
    /// O(nodes × tiers + items × (paths × depth + terms × tiers) + Σ row lengths).
    public mutating func scoreAll(user u: UserIndex, into scores: inout [Double]) {
        ensureUser(u)
        fillShares(for: u)
        let n = catalogue.count
        if scores.count != n { scores = Array(repeating: 0, count: n) }
        let w = learner.weights
        let tierCount = tiers.count
        let clock = Double(position)

        var nodeContribution = scratch.nodeContribution
        if nodeContribution.count != taxonomy.nodeCount { nodeContribution = Array(repeating: 0, count: taxonomy.nodeCount) }
        for node in 1..<max(1, taxonomy.nodeCount) {
            let level = taxonomy.depths[node]
            var c = 0.0
            if level <= layout.levels {
                for t in 0..<tierCount { c += w[layout.share(tier: t, level: level)] * scratch.shares[node * tierCount + t] }
            }
            nodeContribution[node] = c
        }

        // One dense profile Σ_τ w_content,τ · P_τ/‖P_τ‖: one dot product per item for all tiers.
        var dense = scratch.dense
        if dense.count != 1 { dense = [Array(repeating: 0, count: vectors.dimension)] }
        for t in 0..<tierCount {
            users[u].profiles[t].scatter(into: &dense[0], weight: w[layout.content(tier: t)])
        }

        var cooc = scratch.cooc
        if cooc.count != n { cooc = Array(repeating: 0, count: n) }
        var age = 0
        for p in users[u].positives.reversed().prefix(config.recentPositives) {
            cooccurrence.accumulate(from: p, weight: recencyWeight(age), into: &cooc)
            age += 1
        }

        let popFactor = popularity.readFactor(at: clock)
        let segment = users[u].segment
        let wCooc = w[layout.cooccurrenceIndex], wPop = w[layout.popularityIndex]
        let wSeg = w[layout.segmentIndex], wBias = w[layout.biasIndex]
        let segScaled = segment >= 0 ? segmentPopularity[segment].scaled : []
        let segFactor = segment >= 0 ? segmentPopularity[segment].readFactor(at: clock) : 0

        let segmentScaled = segScaled
        catalogue.nodeRefNode.withUnsafeBufferPointer { refNode in
        catalogue.nodeRefShare.withUnsafeBufferPointer { refShare in
        catalogue.nodeRefStart.withUnsafeBufferPointer { refStart in
        vectors.start.withUnsafeBufferPointer { vStart in
        vectors.terms.withUnsafeBufferPointer { vTerms in
        vectors.weights.withUnsafeBufferPointer { vWeights in
        popularity.scaled.withUnsafeBufferPointer { pop in
        segmentScaled.withUnsafeBufferPointer { segPop in
        nodeContribution.withUnsafeBufferPointer { contribution in
        dense[0].withUnsafeBufferPointer { profile in
        cooc.withUnsafeMutableBufferPointer { coocScores in
        scores.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                var s = wBias
                for r in refStart[i]..<refStart[i &+ 1] { s += refShare[r] * contribution[refNode[r]] }
                for k in vStart[i]..<vStart[i &+ 1] { s += profile[Int(vTerms[k])] * vWeights[k] }
                s += wCooc * coocScores[i]
                coocScores[i] = 0
                s += wPop * strataLog1p(pop[i] * popFactor)
                if segment >= 0 { s += wSeg * strataLog1p(segPop[i] * segFactor) }
                out[i] = s
            }
        }}}}}}}}}}}}

        for t in 0..<tierCount { users[u].profiles[t].clear(&dense[0]) }
        scratch.nodeContribution = nodeContribution
        scratch.dense = dense
        scratch.cooc = cooc
    }
}

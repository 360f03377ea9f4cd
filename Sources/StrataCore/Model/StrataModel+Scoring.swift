extension StrataModel {
    /// Writes the margin `w · x(u, i)` of every catalogue item into `scores` (one per item),
    /// sharing the per-node and per-user work across items (Docs/model.md §10).
    /// O(nodes × tiers + items × (paths × depth + terms) + Σ row lengths).
    public mutating func scoreAll(user u: UserIndex, into scores: inout [Double]) {
        ensureUser(u)
        let n = catalogue.count
        if scores.count != n { scores = Array(repeating: 0, count: n) }
        prepareBulkScoring(user: u, weights: learner.weights)
        fillMargins(of: nil, into: &scores)
        finishBulkScoring(user: u)
    }

    /// Margins of `items` (all items when nil) from the prepared tables, on raw buffers. The
    /// caller must not hold a copy of the tables, so `finishBulkScoring` can clear them in place.
    func fillMargins(of items: [ItemIndex]?, into scores: inout [Double]) {
        let n = items?.count ?? catalogue.count
        let list = items ?? []
        let bulk = scratch.bulk
        let segmentLog = bulk.segment >= 0 ? scratch.logSegmentPopularity[bulk.segment] : []
        catalogue.nodeRefNode.withUnsafeBufferPointer { refNode in
        catalogue.nodeRefShare.withUnsafeBufferPointer { refShare in
        catalogue.nodeRefStart.withUnsafeBufferPointer { refStart in
        vectors.start.withUnsafeBufferPointer { vStart in
        vectors.terms.withUnsafeBufferPointer { vTerms in
        vectors.weights.withUnsafeBufferPointer { vWeights in
        scratch.logPopularity.withUnsafeBufferPointer { logPop in
        segmentLog.withUnsafeBufferPointer { logSeg in
        bulk.nodeContribution.withUnsafeBufferPointer { contribution in
        bulk.profile.withUnsafeBufferPointer { profile in
        bulk.cooccurrence.withUnsafeBufferPointer { cooc in
        list.withUnsafeBufferPointer { itemList in
        scores.withUnsafeMutableBufferPointer { out in
            for slot in 0..<n {
                let i = items == nil ? slot : itemList[slot]
                var s = bulk.wBias
                for r in refStart[i]..<refStart[i &+ 1] { s += refShare[r] * contribution[refNode[r]] }
                for k in vStart[i]..<vStart[i &+ 1] { s += profile[Int(vTerms[k])] * vWeights[k] }
                s += bulk.wCooc * cooc[i]
                s += bulk.wPop * logPop[i]
                if bulk.segment >= 0 { s += bulk.wSeg * logSeg[i] }
                out[slot] = s
            }
        }}}}}}}}}}}}}
    }

    /// Precomputes, for one user and weight vector: each node's contribution
    /// `Σ_τ w_{τ,ℓ(n)} p_τ(n)`, one dense content profile `Σ_τ w_τ P_τ/‖P_τ‖`, and the
    /// co-occurrence scores accumulated from the recent positives' rows.
    mutating func prepareBulkScoring(user u: UserIndex, weights w: [Double]) {
        fillShares(for: u)
        let tierCount = tiers.count
        var bulk = scratch.bulk
        if bulk.nodeContribution.count != taxonomy.nodeCount { bulk.nodeContribution = Array(repeating: 0, count: taxonomy.nodeCount) }
        for node in 1..<max(1, taxonomy.nodeCount) {
            let level = taxonomy.depths[node]
            var c = 0.0
            if level <= layout.levels {
                for t in 0..<tierCount { c += w[layout.share(tier: t, level: level)] * scratch.shares[node * tierCount + t] }
            }
            bulk.nodeContribution[node] = c
        }
        if bulk.profile.count != vectors.dimension { bulk.profile = Array(repeating: 0, count: vectors.dimension) }
        for t in 0..<tierCount { users[u].profiles[t].scatter(into: &bulk.profile, weight: w[layout.content(tier: t)]) }
        if bulk.cooccurrence.count != catalogue.count { bulk.cooccurrence = Array(repeating: 0, count: catalogue.count) }
        var age = 0
        for p in users[u].positives.reversed().prefix(config.recentPositives) {
            cooccurrence.accumulate(from: p, weight: recencyWeight(age), into: &bulk.cooccurrence)
            age += 1
        }
        let clock = popularityClock
        bulk.popularityFactor = popularity.readFactor(at: clock)
        bulk.segment = users[u].segment
        bulk.segmentFactor = bulk.segment >= 0 ? segmentPopularity[bulk.segment].readFactor(at: clock) : 0
        bulk.wCooc = w[layout.cooccurrenceIndex]
        bulk.wPop = w[layout.popularityIndex]
        bulk.wSeg = w[layout.segmentIndex]
        bulk.wBias = w[layout.biasIndex]
        scratch.bulk = bulk
        refreshLogPopularity(segment: bulk.segment)
    }

    /// Popularity is read on a clock quantised to `popularityClockStep` events, so the global
    /// `ln(1 + v)` tables stay valid between steps and only the item that changed is updated
    /// (Docs/model.md §7). Events inside a step count as happening at its start.
    var popularityClockPosition: Int { position - position % max(1, config.popularityClockStep) }
    var popularityClock: Double { Double(popularityClockPosition) }

    /// Keeps valid cached tables valid after one item's popularity changed.
    mutating func updateLogPopularity(item: ItemIndex, segment: Int) {
        let previous = popularityRevision
        popularityRevision &+= 1
        let clock = popularityClock
        if scratch.logPopularityKey == (popularityClockPosition, previous), item < scratch.logPopularity.count {
            scratch.logPopularity[item] = strataLog1p(popularity.value(of: item, at: clock))
            scratch.logPopularityKey = (popularityClockPosition, popularityRevision)
        }
        for s in scratch.logSegmentKey.indices where scratch.logSegmentKey[s] == (popularityClockPosition, previous) {
            if s == segment && item < scratch.logSegmentPopularity[s].count {
                scratch.logSegmentPopularity[s][item] = strataLog1p(segmentPopularity[s].value(of: item, at: clock))
            }
            scratch.logSegmentKey[s] = (popularityClockPosition, popularityRevision)
        }
    }

    /// Recomputes the cached `ln(1 + v_i(t))` tables when the position or the counts changed.
    /// They are global (shared by every user), so several recommendations at one position
    /// compute them once. O(items) when stale, O(1) otherwise.
    mutating func refreshLogPopularity(segment: Int) {
        let key = (popularityClockPosition, popularityRevision)
        let n = catalogue.count
        let clock = popularityClock
        if scratch.logPopularityKey != key || scratch.logPopularity.count != n {
            let factor = popularity.readFactor(at: clock)
            var table = scratch.logPopularity
            if table.count != n { table = Array(repeating: 0, count: n) }
            popularity.scaled.withUnsafeBufferPointer { pop in
                table.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n { out[i] = strataLog1p(pop[i] * factor) }
                }
            }
            scratch.logPopularity = table
            scratch.logPopularityKey = key
        }
        guard segment >= 0 else { return }
        if scratch.logSegmentPopularity.count != segmentPopularity.count {
            scratch.logSegmentPopularity = Array(repeating: [], count: segmentPopularity.count)
            scratch.logSegmentKey = Array(repeating: (-1, -1), count: segmentPopularity.count)
        }
        if scratch.logSegmentKey[segment] != key || scratch.logSegmentPopularity[segment].count != n {
            let factor = segmentPopularity[segment].readFactor(at: clock)
            var table = scratch.logSegmentPopularity[segment]
            scratch.logSegmentPopularity[segment] = []
            if table.count != n { table = Array(repeating: 0, count: n) }
            segmentPopularity[segment].scaled.withUnsafeBufferPointer { pop in
                table.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n { out[i] = strataLog1p(pop[i] * factor) }
                }
            }
            scratch.logSegmentPopularity[segment] = table
            scratch.logSegmentKey[segment] = key
        }
    }

    /// Clears the sparse parts of the prepared tables for the next call.
    mutating func finishBulkScoring(user u: UserIndex) {
        for t in 0..<tiers.count { users[u].profiles[t].clear(&scratch.bulk.profile) }
        let rows = users[u].positives.reversed().prefix(config.recentPositives)
        let touched = rows.reduce(0) { $0 + cooccurrence.neighbours[$1].count }
        if touched > scratch.bulk.cooccurrence.count / 4 {
            // Long rows: zeroing the whole table is cheaper than revisiting them.
            scratch.bulk.cooccurrence.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            for p in rows { for j in cooccurrence.neighbours[p] { scratch.bulk.cooccurrence[Int(j)] = 0 } }
        }
    }
}

/// Tables shared by every item's margin during one bulk scoring (not part of the state).
struct BulkScoringTables: Sendable {
    var nodeContribution: [Double] = []
    var profile: [Double] = []
    var cooccurrence: [Double] = []
    var popularityFactor = 0.0
    var segmentFactor = 0.0
    var segment = -1
    var wCooc = 0.0, wPop = 0.0, wSeg = 0.0, wBias = 0.0
}

extension StrataModel {
    /// Writes the margin `w · x(u, i)` of every catalogue item into `scores` (one per item),
    /// sharing the per-node and per-user work across items (Docs/model.md §10).
    /// O(nodes × tiers + items × (paths × depth + terms) + Σ row lengths).
    /// Reads the model only: `workspace` holds the tables it prepares (any workspace used with
    /// this model's timeline, Model/ScoringWorkspace.swift).
    public func scoreAll(user u: UserIndex, into scores: inout [Double], workspace ws: inout ScoringWorkspace) {
        guard u < users.count else {
            var grown = self
            grown.ensureUser(u)
            return grown.scoreAll(user: u, into: &scores, workspace: &ws)
        }
        let n = catalogue.count
        if scores.count != n { scores = Array(repeating: 0, count: n) }
        prepareBulkScoring(user: u, weights: learner.weights, ws: &ws)
        fillMargins(of: nil, into: &scores, ws: ws)
        finishBulkScoring(user: u, ws: &ws)
    }

    /// The same with the model's own workspace (its caches stay warm between calls; the state
    /// and `stateHash` are untouched).
    public mutating func scoreAll(user u: UserIndex, into scores: inout [Double]) {
        var ws = takeWorkspace()
        defer { scratch = ws }
        scoreAll(user: u, into: &scores, workspace: &ws)
    }

    /// Margins of `items` (all items when nil) from the prepared tables, on raw buffers. The
    /// caller must not hold a copy of the tables, so `finishBulkScoring` can clear them in place.
    /// Per item: `w_bias + Σ references + Σ terms + w_cooc · cooc + w_pop · ln(1 + pop)
    /// [+ w_seg · ln(1 + segment pop)]`, summed in that order (Docs/model.md §10), with the
    /// layouts of `LinearScoringIndex`. Each pass reads only the buffers it needs (fewer live
    /// pointers: no spills in the inner loops).
    func fillMargins(of items: [ItemIndex]?, into scores: inout [Double], ws: ScoringWorkspace) {
        let index = linearIndex
        let table = ws.bulk.linear
        let wBias = ws.bulk.wBias
        if let items {
            scores.withUnsafeMutableBufferPointer { out in
                for (c, i) in items.enumerated() {
                    var s = Self.references(index, signature: Int(index.signatureOf[i]), table: table, bias: wBias)
                    let first = Int(index.pairStart[i])
                    for e in first..<(first + Int(index.pairCount[i])) { s += index.weight[e] * table[Int(index.slot[e])] }
                    out[c] = s
                }
            }
            addTail(items: items, into: &scores, ws: ws)
            return
        }
        // Pass 0: `w_bias + Σ references` once per signature.
        let prefix = (0..<index.signatureCount).map { Self.references(index, signature: $0, table: table, bias: wBias) }
        // Pass 1, group by group: the terms. Four items at a time: four independent chains of
        // additions (each item's own order unchanged) instead of one long chain waiting on the adder.
        index.order.withUnsafeBufferPointer { order in
        index.signatureOf.withUnsafeBufferPointer { signatureOf in
        prefix.withUnsafeBufferPointer { prefix in
        index.slot.withUnsafeBufferPointer { slot in
        index.weight.withUnsafeBufferPointer { weight in
        table.withUnsafeBufferPointer { table in
        scores.withUnsafeMutableBufferPointer { out in
            for group in index.groups {
                let length = group.length
                var pairs = group.firstPair
                var p = group.items.lowerBound
                while p &+ 4 <= group.items.upperBound {
                    let i0 = Int(order[p]), i1 = Int(order[p &+ 1]), i2 = Int(order[p &+ 2]), i3 = Int(order[p &+ 3])
                    var s0 = prefix[Int(signatureOf[i0])], s1 = prefix[Int(signatureOf[i1])]
                    var s2 = prefix[Int(signatureOf[i2])], s3 = prefix[Int(signatureOf[i3])]
                    let e1 = pairs &+ length, e2 = e1 &+ length, e3 = e2 &+ length
                    for k in 0..<length {
                        s0 += weight[pairs &+ k] * table[Int(slot[pairs &+ k])]
                        s1 += weight[e1 &+ k] * table[Int(slot[e1 &+ k])]
                        s2 += weight[e2 &+ k] * table[Int(slot[e2 &+ k])]
                        s3 += weight[e3 &+ k] * table[Int(slot[e3 &+ k])]
                    }
                    out[i0] = s0
                    out[i1] = s1
                    out[i2] = s2
                    out[i3] = s3
                    pairs = e3 &+ length
                    p &+= 4
                }
                while p < group.items.upperBound {
                    let i = Int(order[p])
                    var s = prefix[Int(signatureOf[i])]
                    for e in pairs..<(pairs &+ length) { s += weight[e] * table[Int(slot[e])] }
                    out[i] = s
                    pairs &+= length
                    p &+= 1
                }
            }
        }}}}}}}
        addTail(items: nil, into: &scores, ws: ws)
    }

    /// `bias + Σ (slot, weight) table[slot] · weight` over one reference signature.
    @inline(__always)
    private static func references(_ index: LinearScoringIndex, signature: Int, table: [Double], bias: Double) -> Double {
        var s = bias
        for e in Int(index.signatureStart[signature])..<Int(index.signatureStart[signature + 1]) {
            s += index.signatureWeight[e] * table[Int(index.signatureSlot[e])]
        }
        return s
    }

    /// Pass 2: adds `w_cooc · cooc + w_pop · ln(1 + pop) [+ w_seg · ln(1 + segment pop)]` to
    /// each margin, in that order (sequential in catalogue order when `items` is nil).
    private func addTail(items: [ItemIndex]?, into scores: inout [Double], ws: ScoringWorkspace) {
        let bulk = ws.bulk
        let segment = bulk.segment
        if let items, !bulk.logPopularityTables {
            let clock = popularityClock
            for (c, i) in items.enumerated() {
                let logs = logPopularity(of: i, segment: segment, clock: clock)
                var s = scores[c]
                s += bulk.wCooc * bulk.cooccurrence[i]
                s += bulk.wPop * logs.all
                if segment >= 0 { s += bulk.wSeg * logs.segment }
                scores[c] = s
            }
            return
        }
        let segmentLog = segment >= 0 ? ws.logSegmentPopularity[segment] : ws.logPopularity
        let list = items ?? []
        ws.logPopularity.withUnsafeBufferPointer { logPop in
        segmentLog.withUnsafeBufferPointer { logSeg in
        bulk.cooccurrence.withUnsafeBufferPointer { cooc in
        list.withUnsafeBufferPointer { list in
        scores.withUnsafeMutableBufferPointer { out in
            let wCooc = bulk.wCooc, wPop = bulk.wPop, wSeg = bulk.wSeg
            // Spelled out per case: the all-items loops then have no test and no index map, and
            // vectorise (one shared loop with both tests measured 60 M more instructions per
            // 4,000 recommendations).
            switch (items == nil, segment >= 0) {
            case (true, true):
                for i in 0..<out.count {
                    var s = out[i]
                    s += wCooc * cooc[i]
                    s += wPop * logPop[i]
                    s += wSeg * logSeg[i]
                    out[i] = s
                }
            case (true, false):
                for i in 0..<out.count {
                    var s = out[i]
                    s += wCooc * cooc[i]
                    s += wPop * logPop[i]
                    out[i] = s
                }
            case (false, let useSegment):
                for c in 0..<list.count {
                    let i = list[c]
                    var s = out[c]
                    s += wCooc * cooc[i]
                    s += wPop * logPop[i]
                    if useSegment { s += wSeg * logSeg[i] }
                    out[c] = s
                }
            }
        }}}}}
    }

    /// Precomputes, for one user and weight vector, the per-user table of `LinearScoringIndex`:
    /// each node's contribution `Σ_τ w_{τ,ℓ(n)} p_τ(n)`, then one dense content profile
    /// `Σ_τ w_τ P_τ/‖P_τ‖`; and the co-occurrence scores accumulated from the recent positives' rows.
    /// `catalogueWide` false (scoring candidates only): the global `ln(1 + v)` tables are not
    /// brought up to date — O(items) once per popularity clock step, most of a frame on a
    /// 2 M-item catalogue — and the candidates' terms are computed as they are read, the
    /// same numbers.
    func prepareBulkScoring(user u: UserIndex, weights w: [Double], ws: inout ScoringWorkspace, catalogueWide: Bool = true) {
        fillShareTables(for: u, ws: &ws)
        let tierCount = tiers.count
        // Moved out (not copied), so writing its arrays does not copy them.
        var bulk = ws.bulk
        ws.bulk = BulkScoringTables()
        if bulk.linear.count != linearIndex.tableSize { bulk.linear = Array(repeating: 0, count: linearIndex.tableSize) }
        let levels = layout.levels
        // w_{τ,ℓ} flat by `τ · levels + ℓ − 1`.
        let shareWeights = (0..<tierCount * levels).map { w[layout.share(tier: $0 / levels, level: $0 % levels + 1)] }
        taxonomy.depths.withUnsafeBufferPointer { depths in
        ws.pathShares.withUnsafeBufferPointer { pathShares in
        bulk.linear.withUnsafeMutableBufferPointer { table in
            for node in 1..<max(1, taxonomy.nodeCount) {
                let level = depths[node]
                var c = 0.0
                if level <= levels {
                    for t in 0..<tierCount { c += shareWeights[t &* levels &+ level &- 1] * pathShares[node &* tierCount &+ t] }
                }
                table[node] = c
            }
        }}}
        for t in 0..<tierCount {
            users[u].profiles[t].scatter(into: &bulk.linear, offset: linearIndex.profileOffset, weight: w[layout.content(tier: t)])
        }
        if bulk.cooccurrence.count != catalogue.count { bulk.cooccurrence = Array(repeating: 0, count: catalogue.count) }
        var age = 0
        for p in users[u].positives.reversed().prefix(config.recentPositives) {
            cooccurrence.accumulate(from: p, weight: recencyWeight(age), into: &bulk.cooccurrence)
            age += 1
        }
        bulk.segment = users[u].segment
        bulk.wCooc = w[layout.cooccurrenceIndex]
        bulk.wPop = w[layout.popularityIndex]
        bulk.wSeg = w[layout.segmentIndex]
        bulk.wBias = w[layout.biasIndex]
        bulk.logPopularityTables = catalogueWide
        ws.bulk = bulk
        if catalogueWide { refreshLogPopularity(segment: bulk.segment, ws: &ws) }
    }

    /// `ln(1 + v_i)` and `ln(1 + v_{s,i})` of one item now, as the tables hold them.
    @inline(__always)
    func logPopularity(of item: ItemIndex, segment: Int, clock: Double) -> (all: Double, segment: Double) {
        (strataLog1p(popularity.value(of: item, at: clock)),
         segment >= 0 ? strataLog1p(segmentPopularity[segment].value(of: item, at: clock)) : 0)
    }

    /// Popularity is read on a clock quantised to `popularityClockStep` events, so the global
    /// `ln(1 + v)` tables stay valid between steps and only the item that changed is updated
    /// (Docs/model.md §7). Events inside a step count as happening at its start.
    var popularityClockPosition: Int { position - position % max(1, config.popularityClockStep) }
    var popularityClock: Double { Double(popularityClockPosition) }

    /// Keeps valid cached tables valid after one item's popularity changed.
    func updateLogPopularity(item: ItemIndex, segment: Int, previousRevision previous: Int, ws: inout ScoringWorkspace) {
        let clock = popularityClock
        if ws.logPopularityKey == (popularityClockPosition, previous), item < ws.logPopularity.count {
            ws.logPopularity[item] = strataLog1p(popularity.value(of: item, at: clock))
            ws.logPopularityKey = (popularityClockPosition, popularityRevision)
        }
        for s in ws.logSegmentKey.indices where ws.logSegmentKey[s] == (popularityClockPosition, previous) {
            if s == segment && item < ws.logSegmentPopularity[s].count {
                ws.logSegmentPopularity[s][item] = strataLog1p(segmentPopularity[s].value(of: item, at: clock))
            }
            ws.logSegmentKey[s] = (popularityClockPosition, popularityRevision)
        }
    }

    /// Recomputes the cached `ln(1 + v_i(t))` tables when the position or the counts changed.
    /// They are global (shared by every user), so several recommendations at one position
    /// compute them once. O(items) when stale, O(1) otherwise.
    func refreshLogPopularity(segment: Int, ws: inout ScoringWorkspace) {
        let key = (popularityClockPosition, popularityRevision)
        let n = catalogue.count
        let clock = popularityClock
        if ws.logPopularityKey != key || ws.logPopularity.count != n {
            let factor = popularity.readFactor(at: clock)
            var table = ws.logPopularity
            if table.count != n { table = Array(repeating: 0, count: n) }
            table.withUnsafeMutableBufferPointer { out in
                popularity.scaled.forEachPage { offset, pop in
                    for k in 0..<pop.count { out[offset &+ k] = strataLog1p(pop[k] * factor) }
                }
            }
            ws.logPopularity = table
            ws.logPopularityKey = key
        }
        guard segment >= 0 else { return }
        if ws.logSegmentPopularity.count != segmentPopularity.count {
            ws.logSegmentPopularity = Array(repeating: [], count: segmentPopularity.count)
            ws.logSegmentKey = Array(repeating: (-1, -1), count: segmentPopularity.count)
        }
        if ws.logSegmentKey[segment] != key || ws.logSegmentPopularity[segment].count != n {
            let factor = segmentPopularity[segment].readFactor(at: clock)
            var table = ws.logSegmentPopularity[segment]
            ws.logSegmentPopularity[segment] = []
            if table.count != n { table = Array(repeating: 0, count: n) }
            table.withUnsafeMutableBufferPointer { out in
                segmentPopularity[segment].scaled.forEachPage { offset, pop in
                    for k in 0..<pop.count { out[offset &+ k] = strataLog1p(pop[k] * factor) }
                }
            }
            ws.logSegmentPopularity[segment] = table
            ws.logSegmentKey[segment] = key
        }
    }

    /// Clears the sparse parts of the prepared tables for the next call.
    func finishBulkScoring(user u: UserIndex, ws: inout ScoringWorkspace) {
        for t in 0..<tiers.count { users[u].profiles[t].clear(&ws.bulk.linear, offset: linearIndex.profileOffset) }
        let rows = users[u].positives.reversed().prefix(config.recentPositives)
        let touched = rows.reduce(0) { $0 + cooccurrence.neighbourCount(of: $1) }
        if touched > ws.bulk.cooccurrence.count / 4 {
            // Long rows: zeroing the whole table is cheaper than revisiting them.
            ws.bulk.cooccurrence.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            for p in rows {
                let row = cooccurrence.rows[p]
                row.forEach { j, _ in ws.bulk.cooccurrence[Int(j)] = 0 }
            }
        }
    }
}

/// Tables shared by every item's margin during one bulk scoring (not part of the state).
struct BulkScoringTables: Sendable {
    /// The per-user table of `LinearScoringIndex`: node contributions, then the content profile.
    var linear: [Double] = []
    var cooccurrence: [Double] = []
    /// Whether the workspace's global `ln(1 + v)` tables were brought up to date for this scoring.
    var logPopularityTables = true
    var segment = -1
    var wCooc = 0.0, wPop = 0.0, wSeg = 0.0, wBias = 0.0
}

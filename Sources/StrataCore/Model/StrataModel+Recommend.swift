extension StrataModel {
    /// Top `count` recommendations for `user` (SPEC §4, Docs/model.md §11): candidates from the
    /// strongest nodes of each tier, the co-occurrence neighbours of recent positives and the
    /// currently popular items, minus what the user has seen; scored by the learner, optionally
    /// perturbed for exploration, then re-ranked with MMR. Exploration noise comes from a
    /// generator derived from (seed, position, decisions, user), never from the learning
    /// generator: asking again gives the same list and leaves the model's state as it was.
    ///
    /// Reads the model only: `workspace` holds the tables it prepares.
    public func recommendations(for user: UserIndex, count: Int? = nil, workspace ws: inout ScoringWorkspace) -> [Recommendation] {
        guard user < users.count else {
            var grown = self
            grown.ensureUser(user)
            return grown.recommendations(for: user, count: count, workspace: &ws)
        }
        let wanted = count ?? config.recommendationCount
        guard wanted > 0, catalogue.count > 0 else { return [] }
        var noise = explorationNoise(for: user)
        var w = learner.weights
        if config.exploration == .thompson {
            for k in w.indices { w[k] += learner.variance(k).squareRoot() * noise.nextGaussian() }
        }
        let exhaustiveCatalogue = catalogue.count <= config.exhaustiveCandidateLimit
        prepareBulkScoring(user: user, weights: w, ws: &ws, catalogueWide: exhaustiveCatalogue)
        var candidates: [ItemIndex]
        var margins: [Double]
        if exhaustiveCatalogue {
            // Small catalogue: every unseen item is a candidate (bulk scoring makes it cheap).
            margins = ws.allMargins
            ws.allMargins = []
            if margins.count != catalogue.count { margins = Array(repeating: 0, count: catalogue.count) }
            fillMargins(of: nil, into: &margins, ws: ws)
            for item in users[user].seen { margins[Int(item)] = -.infinity }
            candidates = []
        } else {
            candidates = candidateItems(for: user, ws: &ws)
            margins = Array(repeating: 0.0, count: candidates.count)
            fillMargins(of: candidates, into: &margins, ws: ws)
        }
        // The prepared tables stay until the shown items' features are built (they reuse the
        // co-occurrence scores).
        defer { finishBulkScoring(user: user, ws: &ws) }
        let exhaustive = candidates.isEmpty && catalogue.count <= config.exhaustiveCandidateLimit
        defer { if exhaustive { ws.allMargins = margins } }
        let itemAt = { (c: Int) -> ItemIndex in exhaustive ? c : candidates[c] }

        // Best first (ties by catalogue index), so MMR and its ties are deterministic.
        let poolSize = max(wanted * 5, 50)
        let best = exhaustive
            ? Self.bestByScore(poolSize, scores: margins)
            : Self.best(poolSize, of: margins.count) { a, b in
                margins[a] > margins[b] || (margins[a] == margins[b] && candidates[a] < candidates[b])
            }
        let pool = best.filter { margins[$0] > -.infinity }   // seen items were set to −∞
        guard !pool.isEmpty else { return [] }
        let relevance = pool.map { sigmoid(margins[$0]) }
        let mmr = MMRReranker(lambda: config.mmrLambda)
        let order = topLevelMasks.map { masks in mmr.rerank(relevance: relevance, masks: pool.map { masks[itemAt($0)] }, count: wanted) }
            ?? mmr.rerank(relevance: relevance, categories: pool.map { catalogue.topLevelNodes[itemAt($0)] }, count: wanted)
        var picked = order.map { pool[$0] }

        if case let .epsilonGreedy(epsilon) = config.exploration {
            let ahead = { (a: Int, b: Int) -> Bool in margins[a] > margins[b] || (margins[a] == margins[b] && itemAt(a) < itemAt(b)) }
            var remaining = margins.indices.filter { margins[$0] > -.infinity && !picked.contains($0) }.sorted(by: ahead)
            for slot in picked.indices where !remaining.isEmpty && noise.nextUnit() < epsilon {
                picked[slot] = remaining.remove(at: noise.nextIndex(below: remaining.count))
            }
        }

        // Full feature vectors only for what is shown: every contribution for the details view.
        // A plain loop: a closure here would make Swift copy the whole model for each call.
        var x = Array(repeating: 0.0, count: layout.dimension)
        let clock = popularityClock
        let learned = learner.weights   // not the Thompson draw
        var shown: [Recommendation] = []
        shown.reserveCapacity(picked.count)
        for c in picked {
            let item = itemAt(c)
            features(user: user, item: item, clock: clock, into: &x, ws: ws, prepared: preparedTerms(of: item, ws: ws))
            var contributions = x
            var margin = 0.0
            for k in 0..<x.count {
                contributions[k] = learned[k] * x[k]
                margin += contributions[k]
            }
            shown.append(Recommendation(item: item, score: margin, probability: sigmoid(margin), contributions: contributions,
                                        explanation: explanation(user: user, item: item, contributions: contributions)))
        }
        return shown
    }

    /// The same with the model's own workspace (its caches stay warm between calls and are kept
    /// current by every event; the state and `stateHash` are untouched).
    public mutating func recommendations(for user: UserIndex, count: Int? = nil) -> [Recommendation] {
        var ws = takeWorkspace()
        defer { scratch = ws }
        return recommendations(for: user, count: count, workspace: &ws)
    }

    /// The exploration generator of one query: a pure function of the seed, the stream
    /// position, the decisions applied and the user (SplitMix-style mixing of each).
    func explorationNoise(for user: UserIndex) -> Xoshiro256StarStar {
        var key = config.seed ^ 0x6578_706C_6F72_6521   // "explore!": apart from the learning stream
        for part in [UInt64(truncatingIfNeeded: position), UInt64(truncatingIfNeeded: decisionCount), UInt64(truncatingIfNeeded: user)] {
            key = (key ^ part) &* 0x9E37_79B9_7F4A_7C15
            key ^= key >> 29
        }
        return Xoshiro256StarStar(seed: key)
    }

    /// Indices of the `k` highest `scores` above −∞ (seen items are −∞; NaN never enters;
    /// ties: smaller index first), best first.
    ///
    /// First a lower bound: deal the scores into k blocks (block b: every k-th score from b;
    /// scores follow the catalogue order, where popular items often come first, so contiguous
    /// blocks would give one weak block). Every block's maximum is at least the smallest block
    /// maximum `floor`, so k scores are ≥ `floor` and nothing below it can be among the k best.
    /// Then one scan skips what is below `floor` (a test the branch predictor mostly gets
    /// right) and keeps the rest in a sorted buffer of (index, score), placed by binary search.
    static func bestByScore(_ k: Int, scores: [Double]) -> [Int] {
        guard k > 0, !scores.isEmpty else { return [] }
        let n = scores.count
        let capacity = min(k, n)
        let keptIndex = UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity)
        let keptScore = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
        defer { keptIndex.deallocate(); keptScore.deallocate() }
        var count = 0
        scores.withUnsafeBufferPointer { score in
            var floor = -Double.infinity
            if n >= 4 * capacity {
                // Row by row, so the maxima are taken lane-wise (vectorised, no branches);
                // `keptScore` holds the block maxima until the scan.
                let top = keptScore
                top.initialize(repeating: -.infinity)
                var row = 0
                while row < n {
                    let width = min(capacity, n &- row)
                    for b in 0..<width { let v = score[row &+ b]; top[b] = v > top[b] ? v : top[b] }
                    row &+= capacity
                }
                floor = .infinity
                for b in 0..<capacity { floor = top[b] < floor ? top[b] : floor }
            }
            for c in 0..<n {
                let value = score[c]
                if !(value >= floor) || value == -.infinity { continue }
                if count == capacity && !(value > keptScore[capacity &- 1]) { continue }
                var low = 0, high = count
                while low < high {
                    let mid = (low &+ high) >> 1
                    if keptScore[mid] >= value { low = mid &+ 1 } else { high = mid }
                }
                // Shift the worse ones down (the last falls off when full).
                var at = count == capacity ? capacity &- 1 : count
                while at > low {
                    keptIndex[at] = keptIndex[at &- 1]
                    keptScore[at] = keptScore[at &- 1]
                    at &-= 1
                }
                keptIndex[low] = c
                keptScore[low] = value
                if count < capacity { count &+= 1 }
            }
        }
        return Array(keptIndex[0..<count])
    }

    /// The `k` best of `0..<count` under `ahead`, best first. O(count · log k) comparisons for
    /// the common case where most elements fall below the k-th (binary insertion into the kept).
    static func best(_ k: Int, of count: Int, by ahead: (Int, Int) -> Bool) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(k + 1)
        for c in 0..<count {
            if kept.count == k, let last = kept.last, !ahead(c, last) { continue }
            var low = 0, high = kept.count
            while low < high {
                let mid = (low + high) / 2
                if ahead(kept[mid], c) { low = mid + 1 } else { high = mid }
            }
            kept.insert(c, at: low)
            if kept.count > k { kept.removeLast() }
        }
        return kept
    }

    /// Candidate items (deduplicated, unseen) in a deterministic order (Docs/model.md §11):
    /// items under each tier's strongest deepest nodes, co-occurrence neighbours of the recent
    /// positives, the most popular items. Needs the share table of `user` (prepared scoring).
    func candidateItems(for user: UserIndex, ws: inout ScoringWorkspace) -> [ItemIndex] {
        if ws.candidateMark.count != catalogue.count { ws.candidateMark = Array(repeating: 0, count: catalogue.count) }
        ws.candidateGeneration &+= 1
        if ws.candidateGeneration == 0 {
            for i in ws.candidateMark.indices { ws.candidateMark[i] = 0 }
            for i in ws.neighbourMark.indices { ws.neighbourMark[i] = 0 }
            ws.candidateGeneration = 1
        }
        let generation = ws.candidateGeneration
        var mark = ws.candidateMark
        ws.candidateMark = []
        defer { ws.candidateMark = mark }
        let seen = users[user].seen
        var result: [ItemIndex] = []
        func add(_ item: ItemIndex) {
            guard mark[item] != generation else { return }
            mark[item] = generation
            // Binary search in the sorted seen list.
            let key = Int32(truncatingIfNeeded: item)
            var low = 0, high = seen.count
            while low < high {
                let mid = (low + high) >> 1
                if seen[mid] < key { low = mid + 1 } else { high = mid }
            }
            if low == seen.count || seen[low] != key { result.append(item) }
        }
        let tierCount = tiers.count
        let pop = popularity.scaled
        let leafLevel = min(layout.levels, taxonomy.depth)
        let pathShares = ws.pathShares
        for t in 0..<tierCount {
            // Path share: the product of shares down the path (fillShareTables).
            var best: [(NodeIndex, Double)] = []
            for node in 1..<taxonomy.nodeCount {
                let value = pathShares[node * tierCount + t]
                guard taxonomy.depths[node] == leafLevel, value > 0 else { continue }
                // Insertion into a short sorted list (nodes arrive in index order: ties keep it).
                if best.count == config.candidateNodesPerTier, let last = best.last, value <= last.1 { continue }
                var at = best.count
                while at > 0 && best[at - 1].1 < value { at -= 1 }
                best.insert((node, value), at: at)
                if best.count > config.candidateNodesPerTier { best.removeLast() }
            }
            // Each node contributes its most popular items (a source returns its top N).
            for (node, _) in best {
                let under = catalogue.itemsUnder[node]
                let top = Self.best(config.candidatesPerSource, of: under.count) { a, b in
                    let pa = pop[under[a]], pb = pop[under[b]]
                    return pa > pb || (pa == pb && under[a] < under[b])
                }
                for k in top { add(under[k]) }
            }
        }
        // Co-occurrence neighbours of the recent positives, strongest first (prepared scores).
        // Each neighbour once (a generation mark of its own), then the strongest.
        let coocScores = ws.bulk.cooccurrence
        var neighbours: [ItemIndex] = []
        // Listed once each: marks of this call's generation (no catalogue-sized allocation).
        if ws.neighbourMark.count != catalogue.count { ws.neighbourMark = Array(repeating: 0, count: catalogue.count) }
        var listed = ws.neighbourMark
        ws.neighbourMark = []
        defer { ws.neighbourMark = listed }
        for p in users[user].positives.reversed().prefix(config.recentPositives) {
            cooccurrence.rows[p].forEach { j, _ in
                guard coocScores[Int(j)] > 0 && listed[Int(j)] != generation else { return }
                listed[Int(j)] = generation
                neighbours.append(Int(j))
            }
        }
        let strongest = Self.best(config.candidatesPerSource * 2, of: neighbours.count) { a, b in
            let ca = coocScores[neighbours[a]], cb = coocScores[neighbours[b]]
            return ca > cb || (ca == cb && neighbours[a] < neighbours[b])
        }
        for k in strongest { add(neighbours[k]) }
        // The most popular, kept by the counts themselves (no scan of the catalogue).
        for item in popularity.top { add(Int(item)) }
        var next = 0
        while result.count < config.recommendationCount && next < catalogue.count {
            add(next)
            next += 1
        }
        return result
    }

    /// The three largest positive contributions (SPEC §4), as data. Ties: the earlier feature.
    public func explanation(user: UserIndex, item: ItemIndex, contributions: [Double]) -> [Reason] {
        var best = (-1, -1, -1)
        func value(_ k: Int) -> Double { k >= 0 ? contributions[k] : -.infinity }
        for k in contributions.indices where contributions[k] > 0 && k != layout.biasIndex {
            let c = contributions[k]
            if c > value(best.0) { best = (k, best.0, best.1) }
            else if c > value(best.1) { best = (best.0, k, best.1) }
            else if c > value(best.2) { best.2 = k }
        }
        var reasons: [Reason] = []
        reasons.reserveCapacity(3)
        for k in [best.0, best.1, best.2] where k >= 0 { reasons.append(reason(feature: k, user: user, item: item)) }
        return reasons
    }

    /// The three largest positive contributions in words.
    public func reasons(user: UserIndex, item: ItemIndex, contributions: [Double]) -> [String] {
        explanation(user: user, item: item, contributions: contributions).map(\.text)
    }

    /// Words for one feature of one (user, item), e.g. "Sci-Fi · long-term core".
    public func describe(feature k: Int, user: UserIndex, item: ItemIndex) -> String {
        reason(feature: k, user: user, item: item).text
    }

    /// One feature of one (user, item) as a reason (Docs/model.md §11).
    public func reason(feature k: Int, user: UserIndex, item: ItemIndex) -> Reason {
        switch layout.kinds[k] {
        case let .share(tier, level):
            var node = catalogue.leaves[item].first ?? Taxonomy.root
            while catalogue.taxonomy.depths[node] > level { node = catalogue.taxonomy.parents[node] }
            let label = user < users.count ? users[user].tracker.label(of: node) : .dormant
            // Deeper levels are shares within the parent: name the parent too.
            let parent = level > 1 ? catalogue.taxonomy.names[catalogue.taxonomy.parents[node]] : nil
            return .share(node: catalogue.taxonomy.names[node], parent: parent, tier: config.tiers[tier].name, label: label)
        case let .content(tier):
            return .content(tier: config.tiers[tier].name)
        case .cooccurrence:
            return .because(title: strongestCooccurrence(user: user, item: item).map { catalogue.items[$0].title })
        case .popularity:
            return .popular
        case .segmentPopularity:
            return .segment(user < users.count ? users[user].segment : -1)
        case .bias:
            return .baseline
        }
    }

    /// The recent positive whose co-occurrence with `item` is largest (the newest on ties).
    public func strongestCooccurrence(user: UserIndex, item: ItemIndex) -> ItemIndex? {
        guard user < users.count else { return nil }
        var best: ItemIndex?
        var bestValue = 0.0
        for p in users[user].positives.reversed().prefix(config.recentPositives) {
            let c = cooccurrence.cosine(p, item)
            if c > bestValue { best = p; bestValue = c }
        }
        return best
    }
}

extension StrataModel {
    /// Top `count` recommendations for `user` (SPEC §4, Docs/model.md §11): candidates from the
    /// strongest nodes of each tier, the co-occurrence neighbours of recent positives and the
    /// currently popular items, minus what the user has seen; scored by the learner, optionally
    /// perturbed for exploration, then re-ranked with MMR. Uses (and advances) the model's
    /// seeded generator only when exploration is on.
    public mutating func recommendations(for user: UserIndex, count: Int? = nil) -> [Recommendation] {
        ensureUser(user)
        let wanted = count ?? config.recommendationCount
        let candidates = candidateItems(for: user)
        guard !candidates.isEmpty, wanted > 0 else { return [] }

        fillShares(for: user)
        let clock = Double(position)
        var x = Array(repeating: 0.0, count: layout.dimension)
        var w = learner.weights
        if config.exploration == .thompson {
            for k in w.indices { w[k] += learner.variance(k).squareRoot() * rng.nextGaussian() }
        }
        var vectorsByCandidate: [[Double]] = []
        var margins: [Double] = []
        vectorsByCandidate.reserveCapacity(candidates.count)
        for item in candidates {
            features(user: user, item: item, clock: clock, into: &x)
            vectorsByCandidate.append(x)
            var s = 0.0
            for k in 0..<x.count { s += w[k] * x[k] }
            margins.append(s)
        }
        // Pre-sort by score (ties by catalogue index) so MMR ties are deterministic.
        let order = candidates.indices.sorted { margins[$0] > margins[$1] || (margins[$0] == margins[$1] && candidates[$0] < candidates[$1]) }
        let pool = Array(order.prefix(max(wanted * 5, 50)))
        let relevance = pool.map { sigmoid(margins[$0]) }
        let categories = pool.map { catalogue.topLevelNodes[candidates[$0]] }
        var picked = MMRReranker(lambda: config.mmrLambda).rerank(relevance: relevance, categories: categories, count: wanted).map { pool[$0] }

        if case let .epsilonGreedy(epsilon) = config.exploration {
            let rest = order.filter { !picked.contains($0) }
            var remaining = rest
            for slot in picked.indices where !remaining.isEmpty && rng.nextUnit() < epsilon {
                picked[slot] = remaining.remove(at: rng.nextIndex(below: remaining.count))
            }
        }

        return picked.map { c in
            let item = candidates[c]
            let xi = vectorsByCandidate[c]
            let contributions = (0..<xi.count).map { learner.weights[$0] * xi[$0] }
            let margin = contributions.reduce(0, +)
            return Recommendation(item: item, score: margin, probability: sigmoid(margin), contributions: contributions,
                                  reasons: reasons(user: user, item: item, contributions: contributions))
        }
    }

    /// Candidate items (deduplicated, unseen), in a deterministic order.
    func candidateItems(for user: UserIndex) -> [ItemIndex] {
        var result: [ItemIndex] = []
        var included = Set<Int>()
        func add(_ item: ItemIndex) {
            if !users[user].hasSeen(item) && included.insert(item).inserted { result.append(item) }
        }
        let shares = shareTable(user: user)
        let tierCount = tiers.count
        let leafLevel = min(layout.levels, taxonomy.depth)
        // Strongest nodes per tier: the product of shares down the path (a global share).
        for t in 0..<tierCount {
            var scored: [(NodeIndex, Double)] = []
            for node in 1..<taxonomy.nodeCount where taxonomy.depths[node] == leafLevel {
                var product = 1.0
                for a in taxonomy.ancestry(of: node) { product *= shares[a * tierCount + t] }
                if product > 0 { scored.append((node, product)) }
            }
            scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            for (node, _) in scored.prefix(config.candidateNodesPerTier) {
                for item in catalogue.itemsUnder[node] { add(item) }
            }
        }
        for p in users[user].positives.reversed().prefix(config.recentPositives) {
            for j in cooccurrence.neighbours[p] { add(Int(j)) }
        }
        let factor = popularity.readFactor(at: Double(position))
        let popular = (0..<catalogue.count).filter { popularity.scaled[$0] > 0 }
            .sorted { popularity.scaled[$0] > popularity.scaled[$1] || (popularity.scaled[$0] == popularity.scaled[$1] && $0 < $1) }
        _ = factor
        for item in popular.prefix(config.candidatePopular) { add(item) }
        if result.count < config.recommendationCount {
            for item in 0..<catalogue.count where result.count < config.candidatePopular { add(item) }
        }
        return result
    }

    /// The three largest positive contributions in words (SPEC §4).
    public func reasons(user: UserIndex, item: ItemIndex, contributions: [Double]) -> [String] {
        let ranked = contributions.indices
            .filter { contributions[$0] > 0 && $0 != layout.biasIndex }
            .sorted { contributions[$0] > contributions[$1] || (contributions[$0] == contributions[$1] && $0 < $1) }
        return ranked.prefix(3).map { describe(feature: $0, user: user, item: item) }
    }

    /// Words for one feature of one (user, item), e.g. "Sci-Fi · long-term core".
    public func describe(feature k: Int, user: UserIndex, item: ItemIndex) -> String {
        switch layout.kinds[k] {
        case let .share(tier, level):
            let leaf = catalogue.leaves[item].first ?? Taxonomy.root
            let node = taxonomy.ancestor(of: leaf, atLevel: level) ?? leaf
            let label = user < users.count ? users[user].tracker.labels[node] : .dormant
            return "\(taxonomy.names[node]) · \(tiers[tier].name)-term \(label.rawValue)"
        case let .content(tier):
            return "similar to what you liked (\(tiers[tier].name)-term)"
        case .cooccurrence:
            if let source = strongestCooccurrence(user: user, item: item) {
                return "because you liked \(catalogue.items[source].title)"
            }
            return "liked together with your recent picks"
        case .popularity:
            return "popular right now"
        case .segmentPopularity:
            let segment = user < users.count ? users[user].segment : -1
            return "popular with users like you (segment \(segment + 1))"
        case .bias:
            return "baseline"
        }
    }

    /// The recent positive whose co-occurrence with `item` is largest.
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

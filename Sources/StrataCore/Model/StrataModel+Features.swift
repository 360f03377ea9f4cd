extension StrataModel {
    /// Fills the sibling-share table `p_τ(n)` of `user` into the scratch buffer.
    /// Shares do not depend on the clock (every node of a tier decays by the same factor), only
    /// on the user's evidence, so the table is reused while the same user has had no new event.
    /// Also fills the path shares `P_τ(n) = Π p_τ(m)` over the nodes `m` from the top level down
    /// to `n`: the part of the user's whole interest that lies under `n` (Docs/model.md §7).
    /// Features and candidates read these, so a sub-category never counts for more than its
    /// parent does; labels and the tree read the sibling shares.
    func fillShareTables(for user: UserIndex, ws: inout ScoringWorkspace) {
        let key = (user, users[user].interest.eventCount)
        if ws.shareTablesKey == key && !ws.siblingShares.isEmpty { return }
        let previous = ws.siblingShareWorkspace.written
        users[user].interest.fillSiblingShareTable(parents: taxonomy.parents, tiers: config.tiers, decay: decay,
                                                   into: &ws.siblingShares, workspace: &ws.siblingShareWorkspace)
        Self.fillPathShares(siblingShares: ws.siblingShares, parents: taxonomy.parents, tierCount: tiers.count,
                            touched: users[user].interest.nodes, previouslyTouched: previous, into: &ws.pathShares)
        ws.shareTablesKey = key
    }

    /// The same over the touched nodes only (ascending, so parents come before children; an
    /// untouched node's path share is 0): O(touched × tiers) after the first call.
    static func fillPathShares(siblingShares: [Double], parents: [NodeIndex], tierCount: Int,
                               touched: [Int32], previouslyTouched: [Int32], into path: inout [Double]) {
        if path.count != siblingShares.count {
            path = Array(repeating: 0, count: siblingShares.count)
        } else {
            for node in previouslyTouched { for t in 0..<tierCount { path[Int(node) &* tierCount &+ t] = 0 } }
        }
        guard !parents.isEmpty else { return }
        for t in 0..<tierCount { path[t] = 1 }
        for node32 in touched {
            let node = Int(node32)
            guard node != Taxonomy.root else { continue }
            let base = node &* tierCount, parentBase = parents[node] &* tierCount
            for t in 0..<tierCount { path[base &+ t] = path[parentBase &+ t] * siblingShares[base &+ t] }
        }
    }

    /// `path[n·T + τ] = path[parent(n)·T + τ] · siblingShares[n·T + τ]`, the root's 1 (parents
    /// precede their children in node order).
    static func fillPathShares(siblingShares: [Double], parents: [NodeIndex], tierCount: Int, into path: inout [Double]) {
        if path.count != siblingShares.count { path = Array(repeating: 0, count: siblingShares.count) }
        guard !parents.isEmpty else { return }
        path.withUnsafeMutableBufferPointer { out in
        siblingShares.withUnsafeBufferPointer { share in
            for t in 0..<tierCount { out[t] = 1 }
            for node in 1..<parents.count {
                let base = node &* tierCount, parentBase = parents[node] &* tierCount
                for t in 0..<tierCount { out[base &+ t] = out[parentBase &+ t] * share[base &+ t] }
            }
        }}
    }

    func featureScratch(_ ws: ScoringWorkspace) -> [Double] {
        ws.features.count == layout.dimension ? ws.features : Array(repeating: 0, count: layout.dimension)
    }

    /// The feature vector `x(u, i)` (SPEC §4, Docs/model.md §7). Requires `fillShareTables(for: u)`
    /// since the user's last change. O(depth × paths × tiers + terms × tiers + K).
    /// `prepared`, when given, holds the item's terms as bulk scoring computed them (the same
    /// numbers, already at hand for the items a recommendation shows).
    func features(user u: UserIndex, item i: ItemIndex, clock: Double, into x: inout [Double], ws: ScoringWorkspace,
                  prepared: PreparedItemTerms? = nil) {
        for k in 0..<x.count { x[k] = 0 }
        let tierCount = tiers.count
        let pathShares = ws.pathShares
        for r in catalogue.nodeRefs(of: i) {
            let node = catalogue.nodeRefNode[r]
            let level = taxonomy.depths[node]
            guard level <= layout.levels else { continue }
            let weight = catalogue.nodeRefShare[r]
            for t in 0..<tierCount {
                x[layout.share(tier: t, level: level)] += weight * pathShares[node * tierCount + t]
            }
        }
        // Read through the array (a borrow), never `let state = users[u]` (a copy of every field).
        for t in 0..<tierCount {
            x[layout.content(tier: t)] = users[u].profiles[t].cosine(item: i, vectors: vectors)
        }
        let segment = users[u].segment
        if let prepared {
            x[layout.cooccurrenceIndex] = prepared.cooccurrence
            x[layout.popularityIndex] = prepared.logPopularity
            x[layout.segmentIndex] = segment >= 0 ? prepared.logSegmentPopularity : 0
        } else {
            x[layout.cooccurrenceIndex] = cooccurrenceFeature(user: u, item: i)
            x[layout.popularityIndex] = log1pDecayed(popularity.value(of: i, at: clock))
            x[layout.segmentIndex] = segment >= 0 ? log1pDecayed(segmentPopularity[segment].value(of: i, at: clock)) : 0
        }
        x[layout.biasIndex] = 1
        // Ablation switches: a feature that is off is exactly 0 (FeatureSwitches).
        if let featureMask { for k in 0..<x.count where !featureMask[k] { x[k] = 0 } }
    }

    /// An item's co-occurrence and popularity terms as the prepared bulk-scoring tables hold them
    /// (`prepareBulkScoring`): equal to what `features` computes, read instead of recomputed.
    func preparedTerms(of item: ItemIndex, ws: ScoringWorkspace) -> PreparedItemTerms {
        let segment = ws.bulk.segment
        guard ws.bulk.logPopularityTables else {
            let logs = logPopularity(of: item, segment: segment, clock: popularityClock)
            return PreparedItemTerms(cooccurrence: ws.bulk.cooccurrence[item], logPopularity: logs.all, logSegmentPopularity: logs.segment)
        }
        return PreparedItemTerms(cooccurrence: ws.bulk.cooccurrence[item],
                                 logPopularity: ws.logPopularity[item],
                                 logSegmentPopularity: segment >= 0 ? ws.logSegmentPopularity[segment][item] : 0)
    }

    /// `Σ_k ρ^k · cos(p_k, i)` over the user's last K positives, newest first (k = 0, 1, …).
    func cooccurrenceFeature(user u: UserIndex, item i: ItemIndex) -> Double {
        // `recencyWeights` holds ρ^k for every k < recentPositives, all this reads.
        cooccurrence.weightedCosines(item: i, positives: users[u].positives, limit: config.recentPositives, weights: recencyWeights)
    }

    /// Weight of the k-th most recent positive in the co-occurrence feature.
    @inline(__always)
    func recencyWeight(_ age: Int) -> Double { age < recencyWeights.count ? recencyWeights[age] : strataPow(config.cooccurrenceRecency, Double(age)) }

    @inline(__always)
    func log1pDecayed(_ value: Double) -> Double { strataLog1p(value) }

    /// Public, allocation-friendly feature vector for one (user, item), e.g. for details views.
    /// Reads the model only (a workspace of its own: O(nodes) for the share table).
    public func featureVector(user: UserIndex, item: ItemIndex) -> [Double] {
        var ws = ScoringWorkspace()
        return featureVector(user: user, item: item, workspace: &ws)
    }

    /// The same in the caller's workspace (warm when it served this user last).
    public func featureVector(user: UserIndex, item: ItemIndex, workspace ws: inout ScoringWorkspace) -> [Double] {
        guard user < users.count else {
            var grown = self
            grown.ensureUser(user)
            return grown.featureVector(user: user, item: item, workspace: &ws)
        }
        fillShareTables(for: user, ws: &ws)
        var x = Array(repeating: 0.0, count: layout.dimension)
        features(user: user, item: item, clock: popularityClock, into: &x, ws: ws)
        return x
    }

    /// The user's sibling share `p_τ(n)` (within its sibling group) of every node, flat
    /// `node * tierCount + tier`: what the labels and the tree read.
    public func siblingShareTable(user: UserIndex) -> [Double] {
        var table: [Double] = []
        guard user < users.count else {
            return Array(repeating: 0, count: taxonomy.nodeCount * tiers.count)
        }
        var workspace = SiblingShareWorkspace()
        users[user].interest.fillSiblingShareTable(parents: taxonomy.parents, tiers: config.tiers, decay: decay, into: &table, workspace: &workspace)
        return table
    }

    /// The user's path share `P_τ(n)` (product of sibling shares down the path) of every node, flat
    /// `node * tierCount + tier`: what the share features read.
    public func pathShareTable(user: UserIndex) -> [Double] {
        var path: [Double] = []
        Self.fillPathShares(siblingShares: siblingShareTable(user: user), parents: taxonomy.parents, tierCount: tiers.count, into: &path)
        return path
    }
}

/// See `StrataModel.preparedTerms(of:)`.
struct PreparedItemTerms {
    var cooccurrence: Double
    var logPopularity: Double
    var logSegmentPopularity: Double
}

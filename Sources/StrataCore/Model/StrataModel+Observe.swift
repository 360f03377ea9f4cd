extension StrataModel {
    /// Learns one stream event and updates the user's state (SPEC §3–4, Docs/model.md §9):
    /// first the learner is trained on the labelled examples the event implies (test, then
    /// train), then strengths, profiles, co-occurrence and popularity are updated, labels and
    /// drift re-evaluated. Advances `position`.
    @discardableResult
    public mutating func observe(_ event: Event) -> Observation {
        let result = apply(event)
        position += 1
        if config.segmentRefreshEvents > 0 && position % config.segmentRefreshEvents == 0 { refreshSegments() }
        return result
    }

    /// A human decision on a recommended item: accept is label 1, reject label 0 (SPEC §4).
    /// It flows through the same path as a stream event (the item joins the user's history)
    /// but does not advance the stream position.
    @discardableResult
    public mutating func decide(user: UserIndex, item: ItemIndex, accepted: Bool, time: Int64) -> Observation {
        decisionCount += 1
        return apply(Event(time: time, user: user, item: item, action: accepted ? .accept : .reject))
    }

    /// Records the slate shown to a user; its items not taken next are weak negatives.
    public mutating func show(slate: [ItemIndex], to user: UserIndex) {
        ensureUser(user)
        users[user].shownSlate = slate
    }

    private mutating func apply(_ event: Event) -> Observation {
        precondition(event.item >= 0 && event.item < catalogue.count,
                     "event item \(event.item) outside the catalogue of \(catalogue.count) items")
        ensureUser(event.user)
        let u = event.user
        let gain = config.gains.gain(for: event.action, value: event.value)
        var observation = Observation(position: position, event: event, gain: gain)
        // The model's own workspace, moved out while the state changes beside it.
        var ws = takeWorkspace()
        defer { scratch = ws }
        learn(from: event, gain: gain, into: &observation, ws: &ws)
        updateState(with: event, gain: gain, ws: &ws)
        relabel(user: u, item: event.item, time: event.time, into: &observation, ws: &ws)
        checkDrift(user: u, time: event.time, into: &observation, ws: ws)
        return observation
    }

    // MARK: Learning (SPEC §4 labelling rule)

    private mutating func learn(from event: Event, gain: Double, into observation: inout Observation, ws: inout ScoringWorkspace) {
        guard gain != 0 else { return }
        let u = event.user
        let label: Double = gain > 0 ? 1 : 0
        fillShareTables(for: u, ws: &ws)
        var x = featureScratch(ws)

        features(user: u, item: event.item, clock: popularityClock, into: &x, ws: ws)
        let p = learner.update(x: x, label: label)
        checkFinite(features: x, prediction: p, user: u, item: event.item)
        let loss = -strataLog(max(1e-15, label == 1 ? p : 1 - p))
        observation.prediction = p
        observation.logLoss = loss
        observation.examplesLearned += 1
        logLossSum += loss
        logLossCount += 1
        if let statistic = surprise.observe(loss, settings: config.pageHinkley) {
            let alert = DriftAlert(kind: .learnerSurprise, position: position, time: event.time, user: u,
                                   userEvent: Int(users[u].interest.eventCount), score: statistic)
            driftAlerts.append(alert)
            observation.driftAlerts.append(alert)
        }

        let slate = users[u].shownSlate
        if !slate.isEmpty {
            for shown in slate where shown != event.item {
                features(user: u, item: shown, clock: popularityClock, into: &x, ws: ws)
                learner.update(x: x, label: 0, weight: config.shownNegativeWeight)
                observation.examplesLearned += 1
            }
            users[u].shownSlate = []
        }

        guard label == 1, catalogue.count > 1 else { ws.features = x; return }
        var drawn = 0
        var attempts = 0
        while drawn < config.sampledNegatives && attempts < config.sampledNegatives * 8 {
            attempts += 1
            let candidate = rng.nextIndex(below: catalogue.count)
            if candidate == event.item || users[u].hasSeen(candidate) { continue }
            features(user: u, item: candidate, clock: popularityClock, into: &x, ws: ws)
            learner.update(x: x, label: 0)
            observation.examplesLearned += 1
            drawn += 1
        }
        ws.features = x
    }

    // MARK: State

    private mutating func updateState(with event: Event, gain: Double, ws: inout ScoringWorkspace) {
        let u = event.user
        let clock = popularityClock
        users[u].interest.observe(gain: gain, time: event.time, catalogue: catalogue, item: event.item, tiers: tiers, decay: decay)
        users[u].eventCount += 1
        for t in 0..<tiers.count {
            let profileClock = users[u].interest.clock(tiers[t].clock)
            users[u].profiles[t].add(gain: gain, item: event.item, vectors: vectors, clock: profileClock, decay: decay[t])
        }
        users[u].markSeen(event.item)
        if config.gains.isPositive(event.action, value: event.value) {
            cooccurrence.recordPositive(item: event.item, history: users[u].positives[...], window: config.cooccurrenceWindow)
            users[u].positives.append(event.item)
            // Only the last max(window, K) positives are ever read (pairs, the feature, the
            // reasons): older ones go, so a user's state stays bounded (unless window = 0).
            let kept = max(config.cooccurrenceWindow, config.recentPositives)
            if config.cooccurrenceWindow > 0 && users[u].positives.count > kept {
                users[u].positives.removeFirst(users[u].positives.count - kept)
            }
            popularity.add(1, to: event.item, at: clock)
            let segment = users[u].segment
            if segment >= 0 { segmentPopularity[segment].add(1, to: event.item, at: clock) }
            let previous = popularityRevision
            popularityRevision &+= 1
            updateLogPopularity(item: event.item, segment: segment, previousRevision: previous, ws: &ws)
        }
        if !inSegmentBatch[u] {
            inSegmentBatch[u] = true
            segmentBatch.append(u)
        }
    }

    // MARK: Labels (SPEC §3, hysteresis)

    private mutating func relabel(user u: UserIndex, item: ItemIndex, time: Int64, into observation: inout Observation,
                                  ws: inout ScoringWorkspace) {
        var parents: [NodeIndex] = []
        for r in catalogue.nodeRefs(of: item) {
            let parent = taxonomy.parents[catalogue.nodeRefNode[r]]
            if !parents.contains(parent) { parents.append(parent) }
        }
        let long = config.tiers.count - 1
        let tierCount = config.tiers.count
        // One share table after the update serves relabelling and the drift test.
        fillShareTables(for: u, ws: &ws)
        var all = Array(repeating: 0.0, count: tierCount)
        // Only touched members can hold a share or a label other than dormant (an untouched
        // node's candidate is dormant, which is its label): O(touched), not O(siblings).
        let touched = users[u].interest.nodes
        for parent in parents {
            for node32 in touched where taxonomy.parents[Int(node32)] == parent {
                let node = Int(node32)
                let base = node * tierCount
                for t in 0..<tierCount { all[t] = ws.siblingShares[base + t] }
                let candidate = config.labelRule.label(
                    short: all[0], long: all[long], allShares: all, current: users[u].tracker.label(of: node))
                if let change = users[u].tracker.evaluate(node: node, candidate: candidate, hysteresis: config.labelRule.hysteresis) {
                    let record = LabelChange(position: position, time: time, user: u, node: node, from: change.from, to: change.to)
                    labelChangeCount += 1
                    if logsLabelChanges { labelChanges.append(record) }
                    observation.labelChanges.append(record)
                }
            }
        }
    }

    // MARK: Drift (SPEC §3)

    private mutating func checkDrift(user u: UserIndex, time: Int64, into observation: inout Observation, ws: ScoringWorkspace) {
        guard users[u].interest.eventCount >= config.drift.warmUpEvents else { return }
        // The share table is current: relabel filled it after this event's update.
        let tierCount = config.tiers.count
        // Over the touched top-level nodes only (ascending, as `topLevel`): the other terms are 0,
        // so the sums are bit for bit those of the full vectors, in O(touched).
        var dot = 0.0, shortNorm = 0.0, longNorm = 0.0
        for node32 in users[u].interest.nodes where taxonomy.parents[Int(node32)] == Taxonomy.root {
            let s = ws.siblingShares[Int(node32) * tierCount], l = ws.siblingShares[Int(node32) * tierCount + tierCount - 1]
            dot += s * l
            shortNorm += s * s
            longNorm += l * l
        }
        let cosine = shortNorm > 0 && longNorm > 0 ? dot / (shortNorm.squareRoot() * longNorm.squareRoot()) : 1
        guard users[u].drift.update(cosine: cosine, settings: config.drift) else { return }
        let tops = taxonomy.topLevel
        let short = tops.map { ws.siblingShares[$0 * tierCount] }
        let long = tops.map { ws.siblingShares[$0 * tierCount + tierCount - 1] }
        let deltas = tops.indices.map { (tops[$0], short[$0] - long[$0]) }
        let rose = deltas.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(2).map(\.0)
        let fell = deltas.filter { $0.1 < 0 }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(2).map(\.0)
        let kind: DriftAlert.Kind = users[u].drift.inDrift ? .interestShift : .cleared
        let alert = DriftAlert(kind: kind, position: position, time: time, user: u,
                               userEvent: Int(users[u].interest.eventCount), score: cosine, rose: rose, fell: fell)
        driftAlerts.append(alert)
        observation.driftAlerts.append(alert)
    }

    public func topLevelShares(user u: UserIndex, tier: Int) -> [Double] {
        guard u < users.count else { return Array(repeating: 0, count: taxonomy.topLevel.count) }
        return users[u].interest.topLevelShares(tier: tier, parents: taxonomy.parents, ordinal: topLevelOrdinal,
                                                count: taxonomy.topLevel.count, decay: decay)
    }

    // MARK: Segments (SPEC §3)

    /// Sequential k-means updates over the users touched since the last refresh (in first-touch
    /// order), then their segments are reassigned.
    public mutating func refreshSegments() {
        guard !segmentBatch.isEmpty, segments.dimension > 0 else { return }
        let batch = segmentBatch
        let points = batch.map { topLevelShares(user: $0, tier: tiers.count - 1) }
        segments.update(points: points)
        for (u, point) in zip(batch, points) {
            users[u].segment = segments.nearest(point)
            inSegmentBatch[u] = false
        }
        segmentBatch = []
    }
}

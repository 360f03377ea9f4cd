import StrataCore

extension ExplorerState {
    /// Share of a frame interval the model may spend replaying at full speed; the rest is
    /// left for rendering and keys (SPEC §8: frames stay steady while the model runs).
    static let fullSpeedBudgetShare = 0.6

    /// One frame: expire notices, play the events due, save the last state now and then.
    mutating func tick(now: UInt64) -> [ExplorerEffect] {
        var effects: [ExplorerEffect] = []
        if var current = notice {
            if let expires = current.expires {
                if now >= expires { notice = nil }
            } else {
                current.expires = now + (current.duration ?? (current.isError ? 6_000_000_000 : 3_000_000_000))
                notice = current
            }
        }
        lastTickSteps = 0
        if isPlaying {
            var due = eventsDue(now: now)
            // The whole log's replayer closes the gap only if this side moves slower.
            if case .catchingUp = preview?.phase { due = min(due, Preview.catchUpStepsPerFrame) }
            if due > 0 {
                if lesson?.shown == nil, let run = lesson {
                    // A lesson stops the replay on the very event of its next stop's trigger.
                    let listCount = configuration.recommendationCount
                    effects += advance(by: due) { Self.lessonTriggers(run, on: $0, replayer: &$1, listCount: listCount) }
                    checkLessonAfterChange()
                } else {
                    effects += advance(by: due)
                }
                lastTickSteps = due
            }
            if replayer.isAtEnd && isWaitingForWholeLog {
                // The head's end is not the stream's: play on once the whole log is in.
                if notice == nil { show("the preview's last event: playing on when the whole log is in") }
            } else if replayer.isAtEnd && pendingDecision == nil {
                isPlaying = false
                show("end of the stream: " + NumberText.grouped(replayer.total) + " events replayed")
                lessonMissedItsStop()
                effects += savePosition()
            }
        }
        lastTick = now
        if lastSaveAt == nil { lastSaveAt = now }
        if let saved = lastSaveAt, now >= saved + configuration.saveInterval {
            lastSaveAt = now
            effects += savePosition()
        }
        return effects
    }

    /// Events to replay this frame: speed × elapsed time (with the fraction carried over), or,
    /// at full speed, as many as the measured cost per event lets fit in the frame budget.
    func eventsDueEstimate(now: UInt64) -> (count: Int, carry: Double) {
        guard let rate = PlaybackSpeed.ladder[speedIndex] else {
            let frame = 1_000_000_000.0 / Double(configuration.framesPerSecond)
            let budget = frame * Self.fullSpeedBudgetShare
            return (max(1, Int(budget / max(100, nanosecondsPerEvent))), 0)
        }
        guard let last = lastTick, now > last else { return (0, carry) }
        // Cap the catch-up at a quarter second so a stall never turns into a burst.
        let elapsed = min(Double(now - last) / 1_000_000_000, 0.25)
        let exact = carry + Double(rate) * elapsed
        let whole = Int(exact)
        return (whole, exact - Double(whole))
    }

    mutating func eventsDue(now: UInt64) -> Int {
        let (count, remainder) = eventsDueEstimate(now: now)
        carry = remainder
        return count
    }

    /// Steps forward (`count` > 0) or rewinds (`count` < 0) by hand; pauses playback and
    /// saves the new position.
    mutating func manualStep(_ count: Int) -> [ExplorerEffect] {
        isPlaying = false
        streamSelection = nil
        if count > 0 {
            guard !replayer.isAtEnd else {
                show("end of the stream")
                return []
            }
            let effects = advance(by: count)
            // With an autopilot answer pending, the position is saved once it is settled.
            return pendingDecision == nil ? effects + savePosition() : effects
        }
        guard replayer.position > 0 else {
            show("already at the start of the stream")
            return []
        }
        replayer.stepBack(count: -count)
        weightHistory.truncate(after: replayer.position)
        if followsStream, let event = currentEvent { focus(on: event.user) }
        refreshAfterModelChange(resetBaseline: false)
        return savePosition()
    }

    /// Replays up to `count` events, letting the autopilot answer at the focused user's new
    /// events, then refreshes the screen caches once. O(count × event cost).
    /// An autopilot answer stops the run until it is committed (`committed(_:)` replays the
    /// rest), so later events see it exactly as a replay of the session will.
    /// `stop`, when given, ends the run after the first event it holds true for (`n`: the next
    /// drift alert).
    /// `stop` sees each event just replayed and the replayer after it (a lesson's
    /// recommendation trigger asks it for the user's list).
    mutating func advance(by count: Int, until stop: ((Observation, inout Replayer) -> Bool)? = nil) -> [ExplorerEffect] {
        guard pendingDecision == nil else { return [] }
        var effects: [ExplorerEffect] = []
        var done = 0
        while done < count, let observation = replayer.step() {
            done += 1
            let isNew = replayer.position > frontier
            frontier = max(frontier, replayer.position)
            if autopilot, isNew, observation.event.user == focusedUser {
                effects += autopilotAnswer(remainingSteps: stop == nil ? count - done : 0)
                if pendingDecision != nil { break }
            }
            if let stop, stop(observation, &replayer) { break }
        }
        guard done > 0 else { return effects }
        if followsStream, let event = currentEvent, event.user != focusedUser {
            focusedUser = event.user
            recommendationSelection = 0
            refreshAfterModelChange(resetBaseline: true)
        } else {
            refreshAfterModelChange(resetBaseline: false)
        }
        return effects
    }

    /// The simulated focused user answers the model's top recommendation (applied once
    /// committed).
    mutating func autopilotAnswer(remainingSteps: Int) -> [ExplorerEffect] {
        guard let pilot = autopilotModel else { return [] }
        let user = focusedUser
        let list = showsCompanion ? replayer.companionRecommendations(for: user, count: 1) : replayer.recommendations(for: user, count: 1)
        guard let top = list.first, pilot.knows(item: top.item) else { return [] }
        let eventNumber = model.view(of: user).events + 1
        let accepted = pilot.accepts(user: user, item: top.item, eventNumber: eventNumber, position: replayer.position)
        return propose(ReplayDecision(position: replayer.position, user: user, item: top.item, accepted: accepted, side: sideOfNewDecisions),
                       title: dataset.catalogue.items[top.item].title, probabilityBefore: top.probability,
                       byAutopilot: true, remainingSteps: remainingSteps)
    }

    /// `a` / `r`: asks for the decision on the selected recommendation — or, while details are
    /// open, on the item they show — to be committed; the model learns it as soon as it is
    /// (SPEC §4), never before (issue 8, item 14).
    mutating func decide(accepted: Bool) -> [ExplorerEffect] {
        guard pendingDecision == nil else {
            show("the last decision is still being saved")
            return []
        }
        guard let chosen = decisionTarget else {
            show("no recommendation to answer for \(focusedUserID)")
            return []
        }
        return propose(ReplayDecision(position: replayer.position, user: focusedUser, item: chosen.item, accepted: accepted,
                                      side: sideOfNewDecisions),
                       title: dataset.catalogue.items[chosen.item].title, probabilityBefore: chosen.probability, byAutopilot: false)
    }

    // MARK: Caches

    /// Recomputes what the screen shows after the model changed: the focused user's shares
    /// (keeping the previous table for the arrows when they moved), the ground truth, the
    /// recommendations, a weight-history sample, and an open details overlay.
    mutating func refreshAfterModelChange(resetBaseline: Bool) {
        focusedMarks.update(user: focusedUser, labelChanges: model.labelChanges, driftAlerts: model.driftAlerts)
        let fresh = model.siblingShareTable(user: focusedUser)
        if resetBaseline || siblingShares.count != fresh.count {
            baselineSiblingShares = fresh
        } else if fresh != siblingShares {
            baselineSiblingShares = siblingShares
        }
        siblingShares = fresh
        refreshTruth()
        // Said in words for every frame on catalogues up to 20,000 items; larger ones when paused.
        if dataset.catalogue.count <= 20_000 || !isPlaying {
            profileWords = model.profilesInWords(user: focusedUser)
        }
        recommendations = replayer.recommendations(for: focusedUser, count: configuration.recommendationCount)
        refreshCompanion()
        recommendationSelection = min(recommendationSelection, max(0, recommendations.count - 1))
        let weights = model.weights
        if !weightHistory.latestEquals(weights) { weightHistory.append(weights, position: replayer.position) }
        if case .details(let details, let scroll) = overlay {
            overlay = .details(ItemDetails.compute(item: details.item, user: focusedUser, replayer: replayer,
                                                   recommendations: recommendations, ascii: configuration.ascii), scroll: scroll)
        }
        keepSelectionsVisible()
    }

    /// True share among siblings of every node for the focused user now (Docs/scenarios.md §4),
    /// and the distance between the true and estimated top-level shares.
    mutating func refreshTruth() {
        guard showsTruth, let pilot = autopilotModel, pilot.world.userCount > focusedUser else {
            truthSiblingShares = nil
            truthDistance = nil
            return
        }
        let eventNumber = model.view(of: focusedUser).events
        let mass = pilot.world.trueNodeMass(user: focusedUser, atEvent: eventNumber)
        // The tier the replay report's tracking error uses (TruthTracker): medium when there are three.
        let tier = model.tiers.count > 2 ? 1 : model.tiers.count - 1
        truthDistance = pilot.world.trackingError(user: focusedUser, atEvent: eventNumber,
                                                  estimatedTopLevelShares: model.topLevelShares(user: focusedUser, tier: tier))
        let parents = model.taxonomy.parents
        truthSiblingShares = mass.indices.map { node in
            guard node > 0, parents[node] >= 0 else { return 1 }
            let parentMass = mass[parents[node]]
            return parentMass > 0 ? mass[node] / parentMass : 0
        }
    }

    /// The state hash now (cached per position and decision count).
    mutating func currentHash() -> String {
        if let hash = stateHash { return hash }
        let hash = model.stateHash
        hashCache = (replayer.position, replayer.decisions.count, hash)
        if let companion = replayer.companion {
            companionHashCache = (replayer.position, replayer.decisions.count, companion.stateHash)
        }
        return hash
    }

    /// Keeps the on-screen hash current while paused (the e2e tests read it); not on a
    /// preview, whose model is the log's head only (its hash would say nothing and cost the
    /// first frame a whole-state digest), nor on a model of more than `configuration.pausedHashLimit` users
    /// and items, whose digest takes seconds (2 s on a 10 M-event Taobao-shaped log: every
    /// step back would wait for it). The exit line, a session and `x` still compute it.
    mutating func updateHashIfPaused() {
        if !isPlaying && preview == nil && model.users.count + model.catalogue.count <= configuration.pausedHashLimit { _ = currentHash() }
    }
}

import StrataCore

/// A decision asked of the host (`ExplorerEffect.persist`) and not yet answered. The model
/// learns it only when the host reports it committed (issue 14): a decision the session could
/// not save (a full disk) is never applied, counted or replayed.
struct PendingDecision: Hashable, Sendable {
    var decision: ReplayDecision
    var title: String
    var probabilityBefore: Double
    var byAutopilot: Bool
    /// Events the playback still had to replay this frame when the autopilot answered; they
    /// are replayed once the answer is committed, so full speed stays full speed.
    var remainingSteps: Int
}

extension ExplorerState {
    /// Asks the host to commit a decision; applied in `committed(_:)`.
    mutating func propose(_ decision: ReplayDecision, title: String, probabilityBefore: Double,
                          byAutopilot: Bool, remainingSteps: Int = 0) -> [ExplorerEffect] {
        pendingDecision = PendingDecision(decision: decision, title: title, probabilityBefore: probabilityBefore,
                                          byAutopilot: byAutopilot, remainingSteps: remainingSteps)
        return [.persist(decision)]
    }

    /// The host committed `decision`: the model learns it now, at the position it was made.
    mutating func committed(_ decision: ReplayDecision) -> [ExplorerEffect] {
        guard let pending = pendingDecision, pending.decision == decision, decision.position == replayer.position else {
            show("session: saved a decision the explorer no longer expected (position \(decision.position))", isError: true)
            return []
        }
        pendingDecision = nil
        replayer.decide(user: decision.user, item: decision.item, accepted: decision.accepted, side: decision.side)
        if pending.byAutopilot {
            lastDecision = DecisionEcho(title: pending.title, accepted: decision.accepted, probabilityBefore: pending.probabilityBefore,
                                        probabilityAfter: nil, byAutopilot: true)
            var effects: [ExplorerEffect] = []
            if pending.remainingSteps > 0 {
                effects = advance(by: pending.remainingSteps)
            } else {
                refreshAfterModelChange(resetBaseline: false)
            }
            // A step or jump by hand that the autopilot interrupted saves where it ended.
            if !isPlaying && pendingDecision == nil { effects += savePosition() }
            return effects
        }
        // P after the answer, from the adaptive model that showed the item (a baseline has none).
        var probabilityAfter: Double?
        if !showsCompanion && !(isSplit && selectedList == .b) && decision.reachesA {
            let after = replayer.model
            let x = after.featureVector(user: decision.user, item: decision.item)
            var margin = 0.0
            for (w, value) in zip(after.weights, x) { margin += w * value }
            probabilityAfter = sigmoid(margin)
        } else if isSplit && selectedList == .b && decision.reachesB, let b = companionModel {
            let x = b.featureVector(user: decision.user, item: decision.item)
            var margin = 0.0
            for (w, value) in zip(b.weights, x) { margin += w * value }
            probabilityAfter = sigmoid(margin)
        }
        lastDecision = DecisionEcho(title: pending.title, accepted: decision.accepted, probabilityBefore: pending.probabilityBefore,
                                    probabilityAfter: probabilityAfter, byAutopilot: false)
        refreshAfterModelChange(resetBaseline: false)
        let verb = decision.accepted ? "accepted" : "rejected"
        let whom = dataset.userIDs.indices.contains(decision.user) ? dataset.userIDs[decision.user] : "#\(decision.user)"
        show("\(verb) \(pending.title) for \(whom)" + (isSplit ? " (" + sideText(decision.side) + ")" : ""))
        // A lesson waiting at a decision stop goes on by itself once the viewer answered.
        if let run = lesson, let shown = run.shown, case .decision = run.lesson.stops[shown].trigger { continueLesson() }
        return []
    }

    /// The host could not commit: the pending decision is dropped (the model never saw it),
    /// playback pauses so the failure is noticed, and the explorer goes on.
    mutating func commitFailed(_ message: String) {
        guard let pending = pendingDecision else {
            show("session: " + message, isError: true)
            return
        }
        pendingDecision = nil
        isPlaying = false
        let verb = pending.decision.accepted ? "accept" : "reject"
        show("session: \(verb) of \(pending.title) not saved, so not applied: \(message)", isError: true)
    }

    /// Saves where the stream is (issue 16): on every pause, step and jump, not only every
    /// `saveInterval`, so a `kill -9` loses no position. Nothing when it did not move.
    mutating func savePosition() -> [ExplorerEffect] {
        // Without a session there is nothing to save, and the state hash it would carry costs
        // a digest of the whole model (tens of ms on MovieLens-100k: a dropped frame).
        guard configuration.sessionName != nil else { return [] }
        let marker = (position: replayer.position, decisions: replayer.decisions.count)
        if let saved = lastSaved, saved.position == marker.position, saved.decisions == marker.decisions { return [] }
        lastSaved = marker
        return [.saveLastState(position: marker.position, stateHash: currentHash())]
    }
}

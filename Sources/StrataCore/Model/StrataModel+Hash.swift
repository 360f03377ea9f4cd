extension StrataModel {
    /// A stable SHA-256 digest (hex) of the whole model state: every user's strengths, clocks,
    /// labels, pending labels, drift state, profiles, seen items and positives; the learner;
    /// co-occurrence; popularity; segments; the generator; counters and logs. Any change to
    /// any number changes it; the same events and decisions give the same digest on every run.
    public var stateHash: String {
        var h = StateHasher()
        h.combine("strata-state-v3")
        h.combine(position)
        h.combine(decisionCount)
        h.combine(users.count)
        for user in users {
            // Sparse state in canonical form: touched nodes ascending with their slots; labels
            // only where they differ from the default (dormant, nothing pending).
            h.combine(user.interest.nodes.map(Int.init))
            h.combine(user.interest.strength)
            h.combine(user.interest.updatedAt)
            h.combine(Int(user.interest.eventCount))
            h.combine(Int(user.interest.lastTime))
            let labels = user.tracker.significantEntries
            h.combine(labels.map { Int($0.node) })
            h.combine(labels.map { entry -> Int in
                let label = InterestLabel.allCases.firstIndex(of: entry.label) ?? 0
                let pending = entry.count > 0 ? (InterestLabel.allCases.firstIndex(of: entry.pending) ?? 0) : 0
                return (label * 16 + pending) * 256 + Int(entry.count)
            })
            let drift = user.drift.hashState
            h.combine(drift.0 ? 1 : 0); h.combine(drift.1); h.combine(drift.2)
            for profile in user.profiles {
                let entries = profile.sortedEntries
                h.combine(entries.map(\.0))
                h.combine(entries.map(\.1))
                let scalars = profile.hashScalars
                h.combine(scalars.0); h.combine(scalars.1); h.combine(scalars.2)
            }
            h.combine(user.seen)
            h.combine(user.positives)
            h.combine(user.segment)
            h.combine(user.shownSlate)
        }
        h.combine(learner.z)
        h.combine(learner.n)
        h.combine(learner.updates)
        h.combine(cooccurrence.itemCount)
        for row in cooccurrence.rows {
            // Canonical form: kept neighbours ascending (the slot layout is not state).
            let entries = row.sortedEntries
            h.combine(entries.map { Int($0.key) })
            h.combine(entries.map { Double($0.count) })
            h.combine(entries.map { Double($0.error) })
        }
        h.combine(popularity.scaled); h.combine(popularity.origin)
        for counts in segmentPopularity { h.combine(counts.scaled); h.combine(counts.origin) }
        h.combine(segments.centres); h.combine(segments.counts); h.combine(segments.initialised)
        h.combine(surprise.count); h.combine(surprise.mean); h.combine(surprise.cumulative); h.combine(surprise.minimum)
        h.combine(rng.state.0); h.combine(rng.state.1); h.combine(rng.state.2); h.combine(rng.state.3)
        h.combine(labelChangeCount); h.combine(driftAlerts.count)
        h.combine(logLossSum); h.combine(logLossCount)
        h.combine(segmentBatch)
        return h.finalize()
    }
}

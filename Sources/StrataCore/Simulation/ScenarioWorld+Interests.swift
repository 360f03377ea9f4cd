/// True interests over time, the quantities the overlay and the scenario metrics compare the
/// model with (SPEC §5, §6; formulas in Docs/scenarios.md §4).
extension ScenarioWorld {
    /// The user's latent interests over leaves when making event number `t` (1-based; `t = 0`
    /// is before any event). Sums to 1. Pure: depends only on the scenario, user and `t`.
    /// O(leaves × schedule entries).
    public func trueInterests(user: UserIndex, atEvent t: Int) -> [Double] {
        let profile = profiles[user]
        var x = profile.base
        for drift in profile.drifts {
            let moved = drift.entry.fraction * drift.entry.progress(atEvent: t)
            guard moved > 0 else { continue }
            var mass = 0.0
            for leaf in drift.sourceLeaves {
                mass += x[leaf] * moved
                x[leaf] *= 1 - moved
            }
            // The target keeps its own inner proportions; uniform if it holds nothing yet.
            let targetMass = drift.targetLeaves.reduce(0) { $0 + x[$1] }
            for leaf in drift.targetLeaves {
                x[leaf] += targetMass > 0 ? mass * x[leaf] / targetMass : mass / Double(drift.targetLeaves.count)
            }
        }
        for emergence in profile.emergences {
            let a = emergence.entry.weight * emergence.entry.envelope(atEvent: t)
            guard a > 0 else { continue }
            for leaf in x.indices { x[leaf] *= 1 - a }
            for leaf in emergence.leaves { x[leaf] += a / Double(emergence.leaves.count) }
        }
        return x
    }

    /// True interest mass per top-level category, in `catalogue.taxonomy.topLevel` order.
    public func trueTopLevelShares(user: UserIndex, atEvent t: Int) -> [Double] {
        var shares = [Double](repeating: 0, count: catalogue.taxonomy.topLevel.count)
        for (leaf, mass) in trueInterests(user: user, atEvent: t).enumerated() { shares[topLevelOfLeaf[leaf]] += mass }
        return shares
    }

    /// True interest mass under every taxonomy node, indexed by `NodeIndex` (the root holds 1). A
    /// node's share among its siblings is `mass[n] / mass[parent(n)]`, as the tree view draws.
    public func trueNodeMass(user: UserIndex, atEvent t: Int) -> [Double] {
        let taxonomy = catalogue.taxonomy
        var mass = [Double](repeating: 0, count: taxonomy.nodeCount)
        for (leaf, value) in trueInterests(user: user, atEvent: t).enumerated() {
            var node = leafNodes[leaf]
            while node > Taxonomy.root {
                mass[node] += value
                node = taxonomy.parents[node]
            }
            mass[Taxonomy.root] += value
        }
        return mass
    }

    /// The user's scheduled interest changes, earliest first: drift-detection delay is measured
    /// from `start` (Docs/scenarios.md §6).
    public func scheduledChanges(user: UserIndex) -> [ScheduledChange] {
        let profile = profiles[user]
        var changes = profile.drifts.map {
            ScheduledChange(kind: .drift(source: $0.entry.source, target: $0.entry.target, fraction: $0.entry.fraction),
                            start: $0.entry.from, end: $0.entry.to)
        }
        for emergence in profile.emergences {
            let entry = emergence.entry
            changes.append(ScheduledChange(kind: .emergence(path: entry.path, weight: entry.weight), start: entry.riseFrom, end: entry.peakAt))
            changes.append(ScheduledChange(kind: .fade(path: entry.path), start: entry.fadeStart, end: entry.goneBy))
        }
        // Stable order: by start, then as listed.
        return changes.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }

    /// Jensen–Shannon distance (base 2, so in [0, 1]) between the true top-level shares at
    /// event `t` and `estimated` (same order; normalised here) — the scenario tracking error.
    public func trackingError(user: UserIndex, atEvent t: Int, estimatedTopLevelShares estimated: [Double]) -> Double {
        Self.jensenShannonDistance(trueTopLevelShares(user: user, atEvent: t), estimated)
    }

    /// `sqrt(JSD(p‖q))` with log base 2; inputs are normalised, a zero-sum input is uniform.
    public static func jensenShannonDistance(_ p: [Double], _ q: [Double]) -> Double {
        JensenShannon.distance(p, q) // one definition, Evaluation/Metrics/JensenShannon.swift
    }
}

/// One scheduled change of a user's interests.
public struct ScheduledChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case drift(source: String, target: String, fraction: Double)
        case emergence(path: String, weight: Double)
        case fade(path: String)
    }

    public var kind: Kind
    /// First and last event numbers of the window.
    public var start: Int
    public var end: Int
}

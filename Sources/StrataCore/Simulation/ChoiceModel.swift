/// The simulated user's multinomial-logit choice model (Docs/scenarios.md §5), as pure
/// functions so tests can check them against hand-computed numbers.
public enum ChoiceModel {
    /// Utility of an item: `u = ln(L·θ_leaf) + β·ln(n·π)`, where L is the number of leaves,
    /// θ the user's interest in the item's leaf, n the leaf's item count and π the item's Zipf
    /// share within it. Scaled so an average item in an average leaf has `u = 0`, which puts
    /// the outside option's utility on a readable scale.
    @inline(__always)
    public static func utility(interest: Double, leafCount: Int, popularity: Double, leafSize: Int, popularityWeight: Double) -> Double {
        strataLog(Double(leafCount) * interest) + popularityWeight * strataLog(Double(leafSize) * popularity)
    }

    /// Softmax with temperature T over the slate plus the outside option:
    /// `P(i) = e^{u_i/T} / (e^{u₀/T} + Σ_j e^{u_j/T})`. Shifted by the maximum for stability.
    public static func slateProbabilities(utilities: [Double], outsideUtility: Double, temperature: Double) -> SlateProbabilities {
        let top = utilities.reduce(outsideUtility, max)
        let outside = strataExp((outsideUtility - top) / temperature)
        let items = utilities.map { strataExp(($0 - top) / temperature) }
        let total = items.reduce(outside, +)
        return SlateProbabilities(items: items.map { $0 / total }, outside: outside / total)
    }

    /// Autopilot: the item against the outside option alone, a binary logit,
    /// `P(accept) = σ((u − u₀)/T)` — the item's utility normalised to (0, 1).
    @inline(__always)
    public static func acceptProbability(utility: Double, outsideUtility: Double, temperature: Double) -> Double {
        sigmoid((utility - outsideUtility) / temperature)
    }

    /// Rating on 1…5 stars: `clamp(round(1 + 4·a + σ_r·ε), 1, 5)`, with affinity
    /// `a = acceptProbability` and ε a standard normal deviate. Ratings rise with interest.
    @inline(__always)
    public static func rating(affinity: Double, noise: Double) -> Double {
        let raw = (1 + 4 * affinity + noise).rounded()
        return min(5, max(1, raw))
    }
}

/// Choice probabilities for one slate: per shown item, in slate order, and the outside option.
public struct SlateProbabilities: Hashable, Sendable {
    public var items: [Double]
    public var outside: Double
}

/// Turns a `UserSpec` into a `UserProfile`: base interests over leaves (weights or preset,
/// then the floor) and the schedule entries that concern the user (Docs/scenarios.md §3–4).
struct InterestResolver {
    let leafPaths: [String]
    let topLevelOfLeaf: [Int]
    let topLevelCount: Int
    let seed: UInt64

    var leafCount: Int { leafPaths.count }

    /// Leaves at or below `path` (a leaf path, or an inner category's).
    func leaves(under path: String) -> [Int] {
        let normal = normalisedScenarioPath(path)
        let prefix = normal + "/"
        return leafPaths.indices.filter { leafPaths[$0] == normal || leafPaths[$0].hasPrefix(prefix) }
    }

    func profile(for user: UserSpec, at index: Int, in scenario: Scenario) -> UserProfile {
        let behaviour = user.overrides.applied(to: scenario.behaviour)
        var raw: [Double]
        switch user.interests {
        case .weights(let weights):
            raw = [Double](repeating: 0, count: leafCount)
            // Sorted keys: the sum's rounding must not depend on dictionary order.
            for key in weights.keys.sorted() {
                let members = leaves(under: key)
                let weight = weights[key] ?? 0
                for leaf in members { raw[leaf] += weight / Double(members.count) }
            }
        case .preset(let preset):
            raw = presetWeights(preset, userIndex: index)
        }
        let total = raw.reduce(0, +)
        let floor = behaviour.interestFloor
        let base = raw.map { (1 - floor) * $0 / total + floor / Double(leafCount) }

        let applies: (String?) -> Bool = { $0 == nil || $0 == user.id }
        let drifts = scenario.drift.filter { applies($0.user) }.map {
            ResolvedDrift(entry: $0, sourceLeaves: leaves(under: $0.source), targetLeaves: leaves(under: $0.target))
        }
        let emergences = scenario.emerge.filter { applies($0.user) }.map {
            ResolvedEmergence(entry: $0, leaves: leaves(under: $0.path))
        }
        return UserProfile(events: user.events ?? scenario.eventsPerUser, behaviour: behaviour,
                           base: base, drifts: drifts, emergences: emergences)
    }

    /// Unnormalised leaf weights of a preset; random presets draw from the `presets` stream
    /// of this user only.
    private func presetWeights(_ preset: InterestPreset, userIndex: Int) -> [Double] {
        var random = SeedStream.presets.generator(seed: seed, index: userIndex)
        switch preset {
        case .uniform:
            return [Double](repeating: 1, count: leafCount)
        case .focused:
            // 70 % on one top-level category, 20 % on a second, 10 % over the rest.
            let first = random.nextIndex(below: topLevelCount)
            var second = first
            if topLevelCount > 1 {
                second = random.nextIndex(below: topLevelCount - 1)
                if second >= first { second += 1 }
            }
            let rest = topLevelCount > 2 ? 0.1 / Double(topLevelCount - 2) : 0
            var topShare = [Double](repeating: rest, count: topLevelCount)
            topShare[first] = 0.7
            if second != first { topShare[second] = 0.2 }
            return spread(topShare) { random.nextUnit() * 0.8 + 0.2 }
        case .eclectic:
            // Exponential draws: a Dirichlet(1, …, 1) shape at both levels.
            let topShare = (0..<topLevelCount).map { _ in -strataLog(1 - random.nextUnit()) }
            return spread(topShare) { -strataLog(1 - random.nextUnit()) + 0.05 }
        }
    }

    /// Splits each top-level share over its leaves with weights from `draw` (one draw per leaf,
    /// in leaf order).
    private func spread(_ topShare: [Double], draw: () -> Double) -> [Double] {
        let weights = (0..<leafCount).map { _ in draw() }
        var sums = [Double](repeating: 0, count: topLevelCount)
        for leaf in 0..<leafCount { sums[topLevelOfLeaf[leaf]] += weights[leaf] }
        return (0..<leafCount).map { leaf in
            let top = topLevelOfLeaf[leaf]
            return topShare[top] * weights[leaf] / sums[top]
        }
    }
}

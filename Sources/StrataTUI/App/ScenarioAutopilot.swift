import StrataCore

/// The simulated user answering accept/reject on the explorer's top recommendation (SPEC §5
/// "autopilot"): it accepts with probability σ((u − u₀)/T), the choice model's utility of the
/// item under the user's *true* interests at the user's current event number
/// (Docs/scenarios.md §5).
///
/// The draw is seeded by (scenario seed, stream position, user, item), so the same situation
/// gets the same answer on every run; the answers are recorded as decisions, so rewinds and
/// sessions replay them exactly.
public struct ScenarioAutopilot: Sendable {
    public let world: ScenarioWorld

    public init(world: ScenarioWorld) { self.world = world }

    /// P(accept) of `item` for `user` when making event number `eventNumber` (1-based).
    public func acceptProbability(user: UserIndex, item: ItemIndex, eventNumber: Int) -> Double {
        let interests = world.trueInterests(user: user, atEvent: eventNumber)
        let leaf = world.leafOfItem[item]
        let behaviour = world.behaviour(of: user)
        let utility = ChoiceModel.utility(interest: interests[leaf], leafCount: world.leafCount, popularity: world.popularity[item],
                                          leafSize: world.itemsByLeaf[leaf].count, popularityWeight: behaviour.popularityWeight)
        return ChoiceModel.acceptProbability(utility: utility, outsideUtility: behaviour.outsideUtility, temperature: behaviour.temperature)
    }

    /// The answer: true to accept.
    public func accepts(user: UserIndex, item: ItemIndex, eventNumber: Int, position: Int) -> Bool {
        let p = acceptProbability(user: user, item: item, eventNumber: eventNumber)
        var seed = world.scenario.seed ^ 0x9E37_79B9_7F4A_7C15
        for part in [UInt64(truncatingIfNeeded: position), UInt64(truncatingIfNeeded: user), UInt64(truncatingIfNeeded: item)] {
            seed = (seed ^ part) &* 0xBF58_476D_1CE4_E5B9
            seed ^= seed >> 31
        }
        var generator = Xoshiro256StarStar(seed: seed)
        return generator.nextUnit() < p
    }

    /// Whether `item` belongs to the world's catalogue (it always does for a scenario's own stream).
    public func knows(item: ItemIndex) -> Bool { world.leafOfItem.indices.contains(item) }
}

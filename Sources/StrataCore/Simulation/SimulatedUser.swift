/// One simulated user (SPEC §5): chooses from a shown slate with the choice model, otherwise
/// from the catalogue by its latent interests, and answers accept/reject on autopilot
/// (Docs/scenarios.md §5). All randomness comes from the user's own PRNG streams.
public struct SimulatedUser: Sendable {
    public let index: UserIndex
    /// Events made so far; the next one is number `eventsTaken + 1`.
    public private(set) var eventsTaken = 0
    private var random: Xoshiro256StarStar
    private var autopilot: Xoshiro256StarStar
    private var consumed: [Bool]
    /// Unconsumed items per leaf.
    private var remainingInLeaf: [Int]

    public init(index: UserIndex, world: ScenarioWorld) {
        self.index = index
        random = SeedStream.choices.generator(seed: world.scenario.seed, index: index)
        autopilot = SeedStream.autopilot.generator(seed: world.scenario.seed, index: index)
        consumed = [Bool](repeating: false, count: world.catalogue.count)
        remainingInLeaf = world.itemsByLeaf.map(\.count)
    }

    public var nextEventNumber: Int { eventsTaken + 1 }

    public func hasConsumed(_ item: ItemIndex) -> Bool { consumed[item] }

    /// Utility of `item` for this user at its next event (ChoiceModel.utility).
    public func utility(of item: ItemIndex, in world: ScenarioWorld) -> Double {
        utility(of: item, interests: world.trueInterests(user: index, atEvent: nextEventNumber), in: world)
    }

    /// Choice probabilities for `slate` at the next event.
    public func probabilities(for slate: [ItemIndex], in world: ScenarioWorld) -> SlateProbabilities {
        let interests = world.trueInterests(user: index, atEvent: nextEventNumber)
        let behaviour = world.behaviour(of: index)
        return ChoiceModel.slateProbabilities(utilities: slate.map { utility(of: $0, interests: interests, in: world) },
                                              outsideUtility: behaviour.outsideUtility, temperature: behaviour.temperature)
    }

    /// Probability that autopilot accepts `item` now: σ((u − u₀)/T).
    public func acceptProbability(of item: ItemIndex, in world: ScenarioWorld) -> Double {
        let behaviour = world.behaviour(of: index)
        return ChoiceModel.acceptProbability(utility: utility(of: item, in: world),
                                             outsideUtility: behaviour.outsideUtility, temperature: behaviour.temperature)
    }

    /// Autopilot answer for a recommended item: `.accept` with probability σ((u − u₀)/T), else
    /// `.reject`. Draws from the autopilot stream only, so asking never changes the choices the
    /// user goes on to make.
    public mutating func respond(to item: ItemIndex, in world: ScenarioWorld) -> Action {
        precondition(world.catalogue.items.indices.contains(item), "item \(item) is not in the catalogue of \(world.catalogue.count)")
        let p = acceptProbability(of: item, in: world)
        return autopilot.nextUnit() < p ? .accept : .reject
    }

    /// Makes the next event: picks from `slate` (may be empty) or the outside option, then an
    /// action from the mix. Marks the item consumed.
    public mutating func choose(from slate: [ItemIndex], in world: ScenarioWorld) -> SimulatedChoice {
        let t = nextEventNumber
        let interests = world.trueInterests(user: index, atEvent: t)
        let behaviour = world.behaviour(of: index)
        var item: ItemIndex?
        if !slate.isEmpty {
            for shown in slate {
                precondition(world.catalogue.items.indices.contains(shown), "slate item \(shown) is not in the catalogue of \(world.catalogue.count)")
            }
            let p = ChoiceModel.slateProbabilities(utilities: slate.map { utility(of: $0, interests: interests, in: world) },
                                                   outsideUtility: behaviour.outsideUtility, temperature: behaviour.temperature)
            let weights = p.items + [p.outside]
            let pick = random.nextIndex(weightedBy: weights, total: weights.reduce(0, +))
            if pick < slate.count { item = slate[pick] }
        }
        let fromSlate = item != nil
        let chosen = item ?? chooseFromCatalogue(interests: interests, repeatRate: behaviour.repeatRate, world: world)

        let action = Self.actions[random.nextIndex(weightedBy: behaviour.actions.weights, total: behaviour.actions.total)]
        var value: Double?
        if action == .rate {
            let affinity = ChoiceModel.acceptProbability(utility: utility(of: chosen, interests: interests, in: world),
                                                         outsideUtility: behaviour.outsideUtility, temperature: behaviour.temperature)
            value = ChoiceModel.rating(affinity: affinity, noise: behaviour.ratingNoise * random.nextGaussian())
        }
        markConsumed(chosen, world: world)
        eventsTaken += 1
        return SimulatedChoice(item: chosen, action: action, value: value, fromSlate: fromSlate, eventNumber: t)
    }

    private static let actions = Action.allCases

    private func utility(of item: ItemIndex, interests: [Double], in world: ScenarioWorld) -> Double {
        let leaf = world.leafOfItem[item]
        return ChoiceModel.utility(interest: interests[leaf], leafCount: world.leafCount, popularity: world.popularity[item],
                                   leafSize: world.itemsByLeaf[leaf].count, popularityWeight: world.behaviour(of: index).popularityWeight)
    }

    /// Leaf by interest, then item by Zipf popularity among the leaf's unconsumed items; once
    /// a leaf is used up, among all of its items (a re-watch). With a repeat rate ρ > 0, a
    /// choice is a re-consumption with probability ρ when the leaf holds consumed items: by
    /// popularity among those. The leaf is never steered away from, so the stream's category
    /// mix follows the true interests even when a user makes more events than the catalogue
    /// has items (Docs/scenarios.md §5).
    private mutating func chooseFromCatalogue(interests: [Double], repeatRate: Double, world: ScenarioWorld) -> ItemIndex {
        let leaf = random.nextIndex(weightedBy: interests, total: interests.reduce(0, +))
        let members = world.itemsByLeaf[leaf]
        let fresh = remainingInLeaf[leaf] > 0
        // Drawn only when ρ > 0 and there is something to repeat: streams without it stay as they were.
        let repeats = repeatRate > 0 && fresh && remainingInLeaf[leaf] < members.count && random.nextUnit() < repeatRate
        let itemWeights = members.map { item -> Double in
            if repeats { return consumed[item] ? world.popularity[item] : 0 }
            return fresh && consumed[item] ? 0 : world.popularity[item]
        }
        let pick = random.nextIndex(weightedBy: itemWeights, total: itemWeights.reduce(0, +))
        return members[pick]
    }

    private mutating func markConsumed(_ item: ItemIndex, world: ScenarioWorld) {
        guard !consumed[item] else { return }
        consumed[item] = true
        remainingInLeaf[world.leafOfItem[item]] -= 1
    }
}

/// What a simulated user did at one event.
public struct SimulatedChoice: Hashable, Sendable {
    public var item: ItemIndex
    public var action: Action
    /// The rating for `.rate`.
    public var value: Double?
    /// False when the outside option won (or nothing was shown) and the item came from the catalogue.
    public var fromSlate: Bool
    /// The user's own 1-based event number.
    public var eventNumber: Int
}

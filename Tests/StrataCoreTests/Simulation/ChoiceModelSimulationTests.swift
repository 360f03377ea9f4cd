import Testing
@testable import StrataCore

/// The multinomial logit on a hand-computed slate (Docs/scenarios.md §5).
///
/// Tiny world: leaves a1, a2, b1 (L = 3), interests θ = (1/2, 1/6, 1/3), two items per leaf
/// with Zipf popularity (2/3, 1/3), β = 1, T = 1, u₀ = 0. Items 0 (a1, rank 1), 3 (a2, rank 2)
/// and 4 (b1, rank 1):
///   u₀ = ln(3·½) + ln(2·⅔) = ln 2,  u₃ = ln(3·⅙) + ln(2·⅓) = ln ⅓,  u₄ = ln(3·⅓) + ln(2·⅔) = ln 4/3
///   e^u: 2, 1/3, 4/3 and the outside option e⁰ = 1; total 14/3
///   P = 6/14, 1/14, 4/14; outside 3/14.
@Suite struct ChoiceModelSimulationTests {
    let world: ScenarioWorld

    init() throws {
        world = try ScenarioWorld(scenario: SimulationFixtures.tinyChoiceScenario())
    }

    @Test func worldMatchesTheHandComputation() {
        #expect(world.leafCount == 3)
        #expect(world.leafOfItem == [0, 0, 1, 1, 2, 2])
        let interests = world.trueInterests(user: 0, atEvent: 1)
        #expect(abs(interests[0] - 1.0 / 2) < 1e-12)
        #expect(abs(interests[1] - 1.0 / 6) < 1e-12)
        #expect(abs(interests[2] - 1.0 / 3) < 1e-12)
        #expect(abs(world.popularity[0] - 2.0 / 3) < 1e-12)
        #expect(abs(world.popularity[3] - 1.0 / 3) < 1e-12)
    }

    @Test func utilitiesAndSlateProbabilities() {
        let user = SimulatedUser(index: 0, world: world)
        #expect(abs(user.utility(of: 0, in: world) - strataLog(2)) < 1e-12)
        #expect(abs(user.utility(of: 3, in: world) - strataLog(1.0 / 3)) < 1e-12)
        #expect(abs(user.utility(of: 4, in: world) - strataLog(4.0 / 3)) < 1e-12)
        let p = user.probabilities(for: [0, 3, 4], in: world)
        let expected = [6.0 / 14, 1.0 / 14, 4.0 / 14]
        for (got, want) in zip(p.items, expected) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(p.outside - 3.0 / 14) < 1e-12)
    }

    @Test func temperatureFlattensTheChoice() {
        // T = 2: weights √2, √⅓, √(4/3), 1.
        let hot = try? ScenarioWorld(scenario: SimulationFixtures.tinyChoiceScenario(temperature: 2))
        guard let hot else { Issue.record("tiny scenario must be valid"); return }
        let p = SimulatedUser(index: 0, world: hot).probabilities(for: [0, 3, 4], in: hot)
        let weights = [Double(2).squareRoot(), (1.0 / 3).squareRoot(), (4.0 / 3).squareRoot(), 1]
        let total = weights.reduce(0, +)
        for (got, want) in zip(p.items + [p.outside], weights) { #expect(abs(got - want / total) < 1e-12) }
    }

    @Test func autopilotAcceptsWithTheBinaryLogit() {
        let user = SimulatedUser(index: 0, world: world)
        // σ(ln 2 − 0) = 2/3; σ(ln ⅓) = 1/4.
        #expect(abs(user.acceptProbability(of: 0, in: world) - 2.0 / 3) < 1e-12)
        #expect(abs(user.acceptProbability(of: 3, in: world) - 1.0 / 4) < 1e-12)
    }

    @Test func autopilotAnswersFollowTheAcceptProbability() {
        var user = SimulatedUser(index: 0, world: world)
        let accepted = (0..<20_000).filter { _ in user.respond(to: 0, in: world) == .accept }.count
        #expect(abs(Double(accepted) / 20_000 - 2.0 / 3) < 0.015)
        #expect(user.eventsTaken == 0)
    }

    @Test func sampledFrequenciesFollowTheProbabilities() {
        var user = SimulatedUser(index: 0, world: world)
        var counts = [0, 0, 0, 0]
        let draws = 20_000
        for _ in 0..<draws {
            let choice = user.choose(from: [0, 3, 4], in: world)
            switch (choice.fromSlate, choice.item) {
            case (true, 0): counts[0] += 1
            case (true, 3): counts[1] += 1
            case (true, 4): counts[2] += 1
            default: counts[3] += 1
            }
        }
        let expected = [6.0 / 14, 1.0 / 14, 4.0 / 14, 3.0 / 14]
        for (count, want) in zip(counts, expected) {
            #expect(abs(Double(count) / Double(draws) - want) < 0.015, "frequency \(count) vs \(want)")
        }
    }

    @Test func catalogueChoicesPreferUnconsumedItemsOfTheLeaf() {
        var user = SimulatedUser(index: 0, world: world)
        var picksByLeaf: [[ItemIndex]] = [[], [], []]
        for _ in 0..<60 {
            let choice = user.choose(from: [], in: world)
            #expect(!choice.fromSlate)
            picksByLeaf[world.leafOfItem[choice.item]].append(choice.item)
        }
        // Each leaf has two items: its first two picks are distinct, later ones repeat.
        for picks in picksByLeaf where picks.count >= 2 { #expect(picks[0] != picks[1]) }
        // Leaves follow the interests (½, ⅙, ⅓) even after every item is consumed.
        #expect(picksByLeaf[0].count > picksByLeaf[1].count)
    }

    @Test func autopilotDoesNotDisturbTheChoiceStream() {
        var plain = SimulatedUser(index: 0, world: world)
        var asked = SimulatedUser(index: 0, world: world)
        for _ in 0..<50 {
            _ = asked.respond(to: 4, in: world)
            #expect(plain.choose(from: [0, 3, 4], in: world) == asked.choose(from: [0, 3, 4], in: world))
        }
    }

    @Test(arguments: [(0.0, 1.0), (0.5, 3.0), (1.0, 5.0), (0.99, 5.0), (0.01, 1.0)])
    func ratingsRiseWithAffinity(affinity: Double, stars: Double) {
        #expect(ChoiceModel.rating(affinity: affinity, noise: 0) == stars)
    }
}

import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 8 item 2: a query never changes the model, with exploration on too; exploration
/// noise is a function of (seed, position, decisions, user).
@Suite struct ExplorationDeterminismTests {
    static let catalogue = StreamBuilder.catalogue(tops: 4, subs: 3, perLeaf: 8)

    static func model(_ exploration: ModelConfig.Exploration, events: Int = 300) -> StrataModel {
        var config = ModelConfig()
        config.exploration = exploration
        var model = StrataModel(catalogue: catalogue, config: config)
        for event in StreamBuilder.events(catalogue: catalogue, users: 3, count: events, seed: 9) { model.observe(event) }
        return model
    }

    @Test(arguments: [ModelConfig.Exploration.thompson, .epsilonGreedy(0.5), .none])
    func recommendationsLeaveTheStateAsItWas(exploration: ModelConfig.Exploration) {
        var model = Self.model(exploration)
        let before = model.stateHash
        let first = model.recommendations(for: 1).map(\.item)
        let second = model.recommendations(for: 1).map(\.item)
        _ = model.recommendations(for: 2)
        #expect(model.stateHash == before)
        #expect(first == second)
        // Learning after the queries reaches the same state as learning without them.
        var untouched = Self.model(exploration)
        let next = Event(time: 999_999, user: 1, item: 3, action: .rate, value: 5)
        model.observe(next)
        untouched.observe(next)
        #expect(model.stateHash == untouched.stateHash)
    }

    @Test func explorationNoiseDependsOnPositionAndUser() {
        let model = Self.model(.thompson)
        var a = model.explorationNoise(for: 1), b = model.explorationNoise(for: 1), c = model.explorationNoise(for: 2)
        let first = a.next()
        #expect(first == b.next())
        #expect(first != c.next())
        var later = Self.model(.thompson, events: 301)
        var d = later.explorationNoise(for: 1)
        #expect(first != d.next())
        _ = later.recommendations(for: 0)
    }

    @Test func thompsonStillExplores() {
        // Exploration must still change lists across positions (it is not switched off).
        var plain = Self.model(.none), explored = Self.model(.thompson)
        var differs = false
        for user in 0..<3 where plain.recommendations(for: user).map(\.item) != explored.recommendations(for: user).map(\.item) { differs = true }
        #expect(differs)
    }
}

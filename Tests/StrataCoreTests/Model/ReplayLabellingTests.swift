import StrataTestSupport
import Testing
@testable import StrataCore

/// SPEC §4: the taken item is 1, the shown-but-not-taken items 0 with weight 0.2, and 4
/// sampled unseen items 0.
@Suite struct ReplayLabellingTests {
    static let catalogue = StreamBuilder.catalogue()

    @Test func positiveWithAShownSlateLearnsOnePlusSlatePlusFourExamples() {
        var model = StrataModel(catalogue: Self.catalogue)
        model.observe(Event(time: 1, user: 0, item: 0, action: .rate, value: 5))
        model.show(slate: [3, 4, 5, 6], to: 0)
        let observation = model.observe(Event(time: 2, user: 0, item: 4, action: .purchase))
        #expect(observation.examplesLearned == 1 + 3 + 4)
        #expect(model.users[0].shownSlate.isEmpty)
        #expect(observation.prediction != nil)
    }

    @Test func negativeEventLearnsOnlyTheTakenItemAsZero() {
        var model = StrataModel(catalogue: Self.catalogue)
        let x = model.featureVector(user: 0, item: 7)
        let before = model.learner.predict(x)
        let observation = model.observe(Event(time: 1, user: 0, item: 7, action: .dislike))
        #expect(observation.examplesLearned == 1)
        #expect(model.learner.predict(x) < before)
    }

    @Test func zeroGainEventTeachesNothing() {
        var config = ModelConfig()
        config.gains.view = 0
        var model = StrataModel(catalogue: Self.catalogue, config: config)
        let observation = model.observe(Event(time: 1, user: 0, item: 7, action: .view))
        #expect(observation.examplesLearned == 0)
        #expect(model.learner.updates == 0)
    }

    @Test func explorationIsSeededAndChangesTheSlate() {
        let events = StreamBuilder.events(catalogue: Self.catalogue, users: 2, count: 300, seed: 4)
        func slate(_ exploration: ModelConfig.Exploration, seed: UInt64) -> [ItemIndex] {
            var config = ModelConfig()
            config.exploration = exploration
            config.seed = seed
            var model = StrataModel(catalogue: Self.catalogue, config: config)
            for event in events { model.observe(event) }
            return model.recommendations(for: 0, count: 10).map(\.item)
        }
        #expect(slate(.thompson, seed: 1) == slate(.thompson, seed: 1))
        #expect(slate(.epsilonGreedy(1.0), seed: 1) != slate(.none, seed: 1))
        #expect(slate(.epsilonGreedy(0.0), seed: 1) == slate(.none, seed: 1))
    }
}

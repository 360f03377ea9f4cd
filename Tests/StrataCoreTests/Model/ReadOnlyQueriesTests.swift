import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 9 item 2: reading the model (recommendations, bulk scores, feature vectors) writes only
/// a scoring workspace, never the state: the queries work on a `let` model, leave its state hash
/// as it was, and answer exactly what the model's own (warm) workspace answers.
@Suite struct ReadOnlyQueriesTests {
    static let catalogue = StreamBuilder.catalogue(tops: 5, subs: 3, perLeaf: 6)

    static func model(events count: Int, exploration: ModelConfig.Exploration = .none, seed: UInt64 = 3) -> StrataModel {
        var config = ModelConfig()
        config.exploration = exploration
        config.exhaustiveCandidateLimit = 40   // the candidate path too (90 items)
        var model = StrataModel(catalogue: catalogue, config: config, userCount: 4)
        for event in StreamBuilder.events(catalogue: catalogue, users: 4, count: count, seed: seed) { model.observe(event) }
        return model
    }

    static func same(_ a: [Recommendation], _ b: [Recommendation]) -> Bool {
        a.map(\.item) == b.map(\.item) && a.map(\.score) == b.map(\.score) && a.map(\.contributions) == b.map(\.contributions)
    }

    @Test(arguments: [ModelConfig.Exploration.none, .thompson, .epsilonGreedy(0.3)])
    func queriesOnALetModelLeaveTheStateAndMatchTheOwnWorkspace(exploration: ModelConfig.Exploration) {
        let model = Self.model(events: 400, exploration: exploration)
        let hash = model.stateHash
        var workspace = ScoringWorkspace()
        var warm = model   // answers from the model's own workspace
        for user in 0..<4 {
            let read = model.recommendations(for: user, count: 8, workspace: &workspace)
            #expect(!read.isEmpty)
            #expect(Self.same(read, warm.recommendations(for: user, count: 8)), "user \(user)")
            var scores: [Double] = [], warmScores: [Double] = []
            model.scoreAll(user: user, into: &scores, workspace: &workspace)
            warm.scoreAll(user: user, into: &warmScores)
            #expect(scores == warmScores)
            #expect(model.featureVector(user: user, item: 7, workspace: &workspace) == warm.featureVector(user: user, item: 7))
        }
        #expect(model.stateHash == hash)
        #expect(warm.stateHash == hash)
    }

    /// A workspace reused while its model moves forward stays valid: every answer equals a fresh
    /// workspace's after each further event.
    @Test func aWorkspaceFollowsItsModelForward() {
        var model = Self.model(events: 100)
        var reused = ScoringWorkspace()
        for event in StreamBuilder.events(catalogue: Self.catalogue, users: 4, count: 120, seed: 11) {
            model.observe(event)
            var fresh = ScoringWorkspace()
            let user = (event.user + 1) % 4
            #expect(Self.same(model.recommendations(for: user, count: 5, workspace: &reused),
                              model.recommendations(for: user, count: 5, workspace: &fresh)))
            #expect(model.featureVector(user: event.user, item: event.item, workspace: &reused)
                    == model.featureVector(user: event.user, item: event.item))
        }
    }

    /// A user the model has not met yet is read as an empty user, without growing the state.
    @Test func anUnknownUserIsReadWithoutGrowingTheState() {
        let model = Self.model(events: 200)
        let hash = model.stateHash
        var workspace = ScoringWorkspace()
        let list = model.recommendations(for: 9, count: 5, workspace: &workspace)
        #expect(list.count == 5)
        #expect(model.users.count == 4 && model.stateHash == hash)
    }

    /// The user view reads what the state holds, and an unknown user as an empty one.
    @Test func theUserViewReadsTheState() {
        let model = Self.model(events: 300)
        for u in 0..<4 {
            let view = model.view(of: u), state = model.users[u]
            #expect(view.exists && view.events == Int(state.interest.eventCount) && view.events > 0)
            #expect(view.seen == state.seen && view.segment == state.segment && view.recentPositives == state.positives)
            #expect(view.driftCosine == state.drift.lastCosine && view.inDrift == state.drift.inDrift)
            for node in 0..<Self.catalogue.taxonomy.nodeCount { #expect(view.label(of: node) == state.tracker.label(of: node)) }
            #expect(view.interestBytes == state.interest.storedBytes + state.tracker.storedBytes)
        }
        #expect(model.interestStateBytes == (0..<4).reduce(0) { $0 + model.view(of: $1).interestBytes })
        let unknown = model.view(of: 12)
        #expect(!unknown.exists && unknown.events == 0 && unknown.seen.isEmpty && unknown.segment == -1)
        #expect(unknown.label(of: 1) == .dormant && !unknown.inDrift && unknown.driftCosine == 1)
    }
}

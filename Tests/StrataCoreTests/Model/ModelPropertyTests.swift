import PropertyBased
import StrataTestSupport
import Testing
@testable import StrataCore

@Suite struct ModelPropertyTests {
    static let catalogue = StreamBuilder.catalogue()

    static func replay(_ events: [Event], config: ModelConfig = .standard) -> StrataModel {
        var model = StrataModel(catalogue: catalogue, config: config)
        for event in events { model.observe(event) }
        return model
    }

    @Test
    func strengthsNonNegativeSharesSumToOneWeightsFinite() async {
        await propertyCheck(count: 25, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...400)) { seed, count in
            let events = StreamBuilder.events(catalogue: Self.catalogue, users: 3, count: count, seed: seed)
            let model = Self.replay(events)
            let tiers = model.tiers.count
            for u in model.users.indices {
                #expect(model.users[u].interest.strength.allSatisfy { $0 >= 0 })
                let table = model.siblingShareTable(user: u)
                for parent in 0..<model.taxonomy.nodeCount where !model.taxonomy.children[parent].isEmpty {
                    for t in 0..<tiers {
                        let sum = model.taxonomy.children[parent].reduce(0.0) { $0 + table[$1 * tiers + t] }
                        #expect(sum == 0 || abs(sum - 1) < 1e-9, "shares of node \(parent) tier \(t) sum to \(sum)")
                    }
                }
            }
            let finite = model.weights.allSatisfy { $0.isFinite }
            #expect(finite)
        }
    }

    @Test
    func sameInputSameHashDifferentInputDifferentHash() async {
        await propertyCheck(count: 15, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 2...200)) { seed, count in
            let events = StreamBuilder.events(catalogue: Self.catalogue, users: 2, count: count, seed: seed)
            let first = Self.replay(events).stateHash
            #expect(first == Self.replay(events).stateHash)
            var changed = events
            let last = changed.count - 1
            // Another top-level category (15 items per category), so the evidence lands elsewhere.
            changed[last].item = (changed[last].item + 15) % Self.catalogue.count
            #expect(first != Self.replay(changed).stateHash)
            #expect(first != Self.replay(Array(events.dropLast())).stateHash)
        }
    }

    @Test func bulkScoringAgreesWithFeatureVectors() {
        let events = StreamBuilder.events(catalogue: Self.catalogue, users: 3, count: 600, seed: 11)
        var model = Self.replay(events)
        for user in 0..<3 {
            var scores: [Double] = []
            model.scoreAll(user: user, into: &scores)
            for item in stride(from: 0, to: Self.catalogue.count, by: 5) {
                let x = model.featureVector(user: user, item: item)
                let margin = zip(model.weights, x).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(scores[item] - margin) < 1e-9, "user \(user) item \(item): \(scores[item]) vs \(margin)")
            }
        }
    }

    @Test func recommendationsAreUnseenDistinctAndExplained() {
        let events = StreamBuilder.events(catalogue: Self.catalogue, users: 2, count: 300, seed: 3)
        var model = Self.replay(events)
        let recs = model.recommendations(for: 0, count: 10)
        #expect(recs.count == 10)
        #expect(Set(recs.map(\.item)).count == 10)
        let user0 = model.users[0]
        #expect(recs.allSatisfy { !user0.hasSeen($0.item) })
        #expect(recs.allSatisfy { !$0.reasons.isEmpty && $0.reasons.count <= 3 })
        #expect(recs.allSatisfy { abs($0.probability - sigmoid($0.score)) < 1e-12 })
    }

    @Test func acceptRaisesTheItemsProbabilityAndRejectLowersIt() {
        let events = StreamBuilder.events(catalogue: Self.catalogue, users: 2, count: 200, seed: 9)
        var model = Self.replay(events)
        guard let rec = model.recommendations(for: 0, count: 5).first else {
            Issue.record("no recommendation"); return
        }
        let before = model.stateHash
        var accepted = model
        accepted.decide(user: 0, item: rec.item, accepted: true, time: 99_999)
        #expect(accepted.stateHash != before)
        #expect(accepted.decisionCount == 1 && accepted.position == model.position)
        #expect(accepted.users[0].hasSeen(rec.item))
        var rejected = model
        let other = model.recommendations(for: 0, count: 5)[1]
        let x = rejected.featureVector(user: 0, item: other.item)
        let pBefore = rejected.learner.predict(x)
        rejected.decide(user: 0, item: other.item, accepted: false, time: 99_999)
        #expect(rejected.learner.predict(x) < pBefore)
    }
}

import PropertyBased
import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 9: the sparse per-user state gives the same strengths, shares, labels and features as
/// a plain dense reference, and its memory grows with the nodes a user touched, not with the
/// taxonomy.
@Suite struct SparseStateTests {
    static let catalogue = StreamBuilder.catalogue(tops: 6, subs: 4, perLeaf: 4)

    /// SPEC §3 written out densely: every node × tier, decayed to the user's clock on read,
    /// shares among all siblings, labels re-evaluated for every child of each touched parent.
    struct DenseReference {
        let taxonomy: Taxonomy
        let tiers: [TemporalTier]
        let rule: LabelRule
        var strength: [[Double]]      // [node][tier]
        var updatedAt: [[Double]]
        var labels: [InterestLabel]
        var pending: [InterestLabel]
        var pendingCount: [Int]
        var events = 0.0, lastTime = 0.0

        init(taxonomy: Taxonomy, tiers: [TemporalTier], rule: LabelRule) {
            self.taxonomy = taxonomy; self.tiers = tiers; self.rule = rule
            strength = Array(repeating: Array(repeating: 0, count: tiers.count), count: taxonomy.nodeCount)
            updatedAt = strength
            labels = Array(repeating: .dormant, count: taxonomy.nodeCount)
            pending = labels
            pendingCount = Array(repeating: 0, count: taxonomy.nodeCount)
        }

        func now(_ t: Int) -> Double { tiers[t].clock == .events ? events : lastTime }

        func decayed(_ node: Int, _ t: Int) -> Double {
            strength[node][t] * strataExp2(-(now(t) - updatedAt[node][t]) / tiers[t].halfLife)
        }

        func share(_ node: Int, _ t: Int) -> Double {
            guard node != Taxonomy.root else { return 1 }
            let siblings = taxonomy.children[taxonomy.parents[node]]
            let total = siblings.reduce(0.0) { $0 + decayed($1, t) }
            return total > 0 ? decayed(node, t) / total : 0
        }

        mutating func observe(gain: Double, time: Int64, item: Int, catalogue: Catalogue) {
            events += 1
            lastTime = max(lastTime, Double(time))
            for r in catalogue.nodeRefs(of: item) {
                let node = catalogue.nodeRefNode[r]
                for t in tiers.indices {
                    strength[node][t] = max(0, decayed(node, t) + gain * catalogue.nodeRefShare[r])
                    updatedAt[node][t] = now(t)
                }
            }
            var parents: [Int] = []
            for r in catalogue.nodeRefs(of: item) where !parents.contains(taxonomy.parents[catalogue.nodeRefNode[r]]) {
                parents.append(taxonomy.parents[catalogue.nodeRefNode[r]])
            }
            for parent in parents {
                for node in taxonomy.children[parent] {
                    let all = tiers.indices.map { share(node, $0) }
                    let candidate = rule.label(short: all[0], long: all[tiers.count - 1], allShares: all, current: labels[node])
                    if candidate == labels[node] { pendingCount[node] = 0; continue }
                    if candidate == pending[node] && pendingCount[node] > 0 { pendingCount[node] += 1 } else { pending[node] = candidate; pendingCount[node] = 1 }
                    if pendingCount[node] >= rule.hysteresis { labels[node] = candidate; pendingCount[node] = 0 }
                }
            }
        }
    }

    @Test func sparseStateEqualsTheDenseReference() async {
        await propertyCheck(count: 20, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...300)) { seed, count in
            let catalogue = Self.catalogue
            var config = ModelConfig()
            if seed % 2 == 0 { config.tiers[0].clock = .seconds }   // both clocks
            var model = StrataModel(catalogue: catalogue, config: config)
            var references = (0..<3).map { _ in DenseReference(taxonomy: catalogue.taxonomy, tiers: config.tiers, rule: config.labelRule) }
            for event in StreamBuilder.events(catalogue: catalogue, users: 3, count: count, seed: seed) {
                model.observe(event)
                references[event.user].observe(gain: config.gains.gain(for: event.action, value: event.value),
                                               time: event.time, item: event.item, catalogue: catalogue)
            }
            let tiers = config.tiers.count
            for u in 0..<3 where u < model.users.count {
                let reference = references[u]
                let table = model.siblingShareTable(user: u)
                for node in 0..<catalogue.taxonomy.nodeCount {
                    #expect(model.users[u].tracker.label(of: node) == reference.labels[node], "user \(u) node \(node)")
                    for t in 0..<tiers {
                        let strength = model.users[u].interest.strength(of: node, tier: t, tiers: config.tiers, decay: model.decay)
                        #expect(abs(strength - reference.decayed(node, t)) <= 1e-12 * max(1, abs(strength)))
                        #expect(abs(table[node * tiers + t] - reference.share(node, t)) < 1e-12, "user \(u) node \(node) tier \(t)")
                    }
                }
                // The segments' top-level shares (over touched nodes) equal the sibling-group form
                // bit for bit, and the reference within rounding.
                for t in 0..<tiers {
                    let sparse = model.topLevelShares(user: u, tier: t)
                    let group = model.users[u].interest.siblingShares(ofChildrenOf: Taxonomy.root, tier: t, taxonomy: catalogue.taxonomy,
                                                               tiers: config.tiers, decay: model.decay)
                    #expect(sparse == group, "user \(u) tier \(t)")
                    for (k, node) in catalogue.taxonomy.topLevel.enumerated() {
                        #expect(abs(sparse[k] - reference.share(node, t)) < 1e-12)
                    }
                }
                // Features: every share feature is the path product of the reference's shares.
                for item in stride(from: 0, to: catalogue.count, by: 7) {
                    let x = model.featureVector(user: u, item: item)
                    for level in 1...model.layout.levels {
                        for t in 0..<tiers {
                            var expected = 0.0
                            for r in catalogue.nodeRefs(of: item) where catalogue.taxonomy.depths[catalogue.nodeRefNode[r]] == level {
                                var node = catalogue.nodeRefNode[r], product = 1.0
                                while node != Taxonomy.root { product *= reference.share(node, t); node = catalogue.taxonomy.parents[node] }
                                expected += catalogue.nodeRefShare[r] * product
                            }
                            #expect(abs(x[model.layout.share(tier: t, level: level)] - expected) < 1e-12)
                        }
                    }
                }
            }
        }
    }

    @Test func memoryGrowsWithTouchedNodesNotWithTheTaxonomy() {
        // The same three items' events in a 3-category catalogue and in a 3,000-category one.
        func bytes(categories: Int) -> (interest: Int, labels: Int, nodes: Int) {
            let items = (0..<categories).map { Item(id: "i\($0)", title: "t\($0)", paths: [["C\($0)", "S\($0 % 5)"]]) }
            var model = StrataModel(catalogue: Catalogue(items: items))
            for k in 0..<300 { model.observe(Event(time: Int64(k), user: 0, item: k % 3, action: .rate, value: 5)) }
            let user = model.users[0]
            return (user.interest.storedBytes, user.tracker.storedBytes, model.taxonomy.nodeCount)
        }
        let small = bytes(categories: 3), large = bytes(categories: 3_000)
        #expect(large.nodes > 1_000 * small.nodes / 2)
        #expect(small.interest == large.interest)
        #expect(small.labels == large.labels)
        // 3 top-level + 3 sub-categories touched, 3 tiers: 6 × (4 + 2 × 3 × 8) bytes.
        #expect(small.interest == 6 * (4 + 2 * 3 * 8))
    }
}

import PropertyBased
import StrataTestSupport
import Testing
@testable import StrataCore

/// The fast bulk scorer (shared reference signatures, terms grouped by count, four items at a
/// time, a second pass for the popularity terms) must give, bit for bit, the margins of the plain formula of
/// Docs/model.md §10 evaluated item by item in its documented order.
@Suite struct BulkScoringExactnessTests {
    /// Items with 1–3 paths and titles of 1–9 words, so pair counts vary widely.
    static func variedCatalogue() -> Catalogue {
        var rng = Xoshiro256StarStar(seed: 99)
        let tops = ["Sci-Fi", "Romance", "Comedy", "Drama", "Horror"]
        let words = ["star", "night", "river", "garden", "winter", "ghost", "city", "letter", "storm", "island"]
        var items: [Item] = []
        for n in 0..<157 {
            let pathCount = 1 + rng.nextIndex(below: 3)
            let paths = (0..<pathCount).map { _ in [tops[rng.nextIndex(below: tops.count)], "Sub \(rng.nextIndex(below: 3))"] }
            let title = (0...rng.nextIndex(below: 9)).map { _ in words[rng.nextIndex(below: words.count)] }.joined(separator: " ")
            items.append(Item(id: "v\(n)", title: title + " \(n)", paths: paths, tags: n % 3 == 0 ? ["tag\(n % 4)"] : []))
        }
        return Catalogue(items: items)
    }

    /// The margins as the plain formula gives them: node contributions summed over tiers, the
    /// content profile over tiers, then per item `w_bias + Σ refs + Σ terms + cooc + pop [+ seg]`.
    static func referenceMargins(_ model: StrataModel, user: UserIndex, weights w: [Double], ws: ScoringWorkspace) -> [Double] {
        let catalogue = model.catalogue, layout = model.layout, vectors = model.vectors
        let tiers = model.tiers.count
        let shares = model.pathShareTable(user: user)
        var contribution = Array(repeating: 0.0, count: catalogue.taxonomy.nodeCount)
        for node in 1..<catalogue.taxonomy.nodeCount {
            let level = catalogue.taxonomy.depths[node]
            var c = 0.0
            if level <= layout.levels { for t in 0..<tiers { c += w[layout.share(tier: t, level: level)] * shares[node * tiers + t] } }
            contribution[node] = c
        }
        var profile = Array(repeating: 0.0, count: vectors.dimension)
        for t in 0..<tiers {
            let p = model.users[user].profiles[t]
            let inverse = p.normSquared > 1e-300 ? w[layout.content(tier: t)] / p.normSquared.squareRoot() : 0
            p.stored.forEach { term, value in profile[Int(term)] += value * inverse }
        }
        let bulk = ws.bulk
        let segment = bulk.segment
        return (0..<catalogue.count).map { i in
            var s = w[layout.biasIndex]
            for r in catalogue.nodeRefs(of: i) { s += catalogue.nodeRefShare[r] * contribution[catalogue.nodeRefNode[r]] }
            for k in vectors.range(of: i) { s += profile[Int(vectors.terms[k])] * vectors.weights[k] }
            s += w[layout.cooccurrenceIndex] * bulk.cooccurrence[i]
            s += w[layout.popularityIndex] * ws.logPopularity[i]
            if segment >= 0 { s += w[layout.segmentIndex] * ws.logSegmentPopularity[segment][i] }
            return s
        }
    }

    @Test func signaturesAndTermGroupsHoldEveryItemsPairsInOrder() {
        let catalogue = Self.variedCatalogue()
        let vectors = ItemVectors(catalogue: catalogue)
        let index = LinearScoringIndex(catalogue: catalogue, vectors: vectors)
        #expect(index.order.map(Int.init).sorted() == Array(0..<catalogue.count))
        #expect(Set(index.groups.map(\.length)).count == index.groups.count)
        #expect(index.groups.count > 5)
        // Items share signatures (same paths), and each signature is listed once.
        #expect(index.signatureCount < catalogue.count)
        var lists: Set<[Double]> = []
        for item in 0..<catalogue.count {
            let signature = Int(index.signatureOf[item])
            let range = Int(index.signatureStart[signature])..<Int(index.signatureStart[signature + 1])
            let refs = catalogue.nodeRefs(of: item)
            #expect(range.map { index.signatureSlot[$0] } == refs.map { Int32(catalogue.nodeRefNode[$0]) })
            #expect(range.map { index.signatureWeight[$0] } == refs.map { catalogue.nodeRefShare[$0] })
            lists.insert(range.flatMap { [Double(index.signatureSlot[$0]), index.signatureWeight[$0]] })
        }
        #expect(lists.count == index.signatureCount)
        for group in index.groups {
            var pair = group.firstPair
            for p in group.items {
                let item = Int(index.order[p])
                #expect(Int(index.pairStart[item]) == pair)
                #expect(Int(index.pairCount[item]) == group.length)
                let terms = vectors.range(of: item)
                #expect(terms.count == group.length)
                #expect(terms.map { Int32(catalogue.taxonomy.nodeCount) + vectors.terms[$0] } == Array(index.slot[pair..<(pair + group.length)]))
                #expect(terms.map { vectors.weights[$0] } == Array(index.weight[pair..<(pair + group.length)]))
                pair += group.length
            }
        }
        #expect(index.tableSize == catalogue.taxonomy.nodeCount + vectors.dimension)
    }

    @Test func bulkMarginsEqualThePlainFormulaBitForBit() async {
        let catalogue = Self.variedCatalogue()
        await propertyCheck(count: 12, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var config = ModelConfig.standard
            config.segmentRefreshEvents = 50   // segments assigned early, so the segment term is exercised
            var model = StrataModel(catalogue: catalogue, config: config)
            for event in StreamBuilder.events(catalogue: catalogue, users: 4, count: 400, seed: seed) { model.observe(event) }
            for user in 0..<4 {
                let w = model.weights
                var ws = ScoringWorkspace()
                model.prepareBulkScoring(user: user, weights: w, ws: &ws)
                var fast = Array(repeating: 0.0, count: catalogue.count)
                model.fillMargins(of: nil, into: &fast, ws: ws)
                let reference = Self.referenceMargins(model, user: user, weights: w, ws: ws)
                // The candidate path (an item list, in any order) gives the same numbers.
                let list = Array((0..<catalogue.count).reversed())
                var listed = Array(repeating: 0.0, count: list.count)
                model.fillMargins(of: list, into: &listed, ws: ws)
                model.finishBulkScoring(user: user, ws: &ws)
                #expect(fast == reference, "user \(user)")
                #expect(listed == list.map { reference[$0] })
            }
            #expect(model.users.contains { $0.segment >= 0 })
        }
    }

    @Test func bulkTablesAreClearedForTheNextUser() {
        let catalogue = Self.variedCatalogue()
        var model = StrataModel(catalogue: catalogue)
        for event in StreamBuilder.events(catalogue: catalogue, users: 3, count: 300, seed: 4) { model.observe(event) }
        var first: [Double] = []
        model.scoreAll(user: 2, into: &first)
        var other: [Double] = []
        model.scoreAll(user: 0, into: &other)
        var again: [Double] = []
        model.scoreAll(user: 2, into: &again)
        #expect(first == again)
        #expect(first != other)
    }
}

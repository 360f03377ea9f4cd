import StrataTestSupport
import Testing
@testable import StrataCore

@Suite struct ExplanationTests {
    @Test func threeLargestPositiveContributionsWithoutBiasEarlierFeatureOnTies() {
        let model = StrataModel(catalogue: StreamBuilder.catalogue(), userCount: 1)
        let layout = model.layout
        var contributions = Array(repeating: 0.0, count: layout.dimension)
        contributions[layout.biasIndex] = 9            // never a reason
        contributions[layout.cooccurrenceIndex] = 0.7
        contributions[layout.popularityIndex] = 0.5
        contributions[layout.segmentIndex] = 0.5        // ties with popularity: the earlier feature wins
        contributions[layout.content(tier: 0)] = 0.2    // fourth: left out
        contributions[layout.share(tier: 1, level: 1)] = -3
        let first = min(layout.popularityIndex, layout.segmentIndex)
        let expected: [Reason] = [.because(title: nil), first == layout.popularityIndex ? .popular : .segment(-1),
                                  first == layout.popularityIndex ? .segment(-1) : .popular]
        #expect(model.explanation(user: 0, item: 0, contributions: contributions) == expected)
        #expect(model.explanation(user: 0, item: 0, contributions: Array(repeating: -1, count: layout.dimension)).isEmpty)
    }

    /// Shown recommendations read the co-occurrence and popularity terms from the bulk tables.
    /// The popularity terms equal the plain feature path's bit for bit; the co-occurrence term
    /// is the bulk accumulation (`(ρ^k/√c_p) · C · 1/√c_i` summed row by row), which may differ
    /// from the per-item sum in the last bits.
    @Test func shownContributionsEqualThePlainFeaturePath() {
        let catalogue = StreamBuilder.catalogue()
        var config = ModelConfig.standard
        config.segmentRefreshEvents = 100
        var model = StrataModel(catalogue: catalogue, config: config)
        for event in StreamBuilder.events(catalogue: catalogue, users: 3, count: 500, seed: 21) { model.observe(event) }
        for user in 0..<3 {
            let recommendations = model.recommendations(for: user, count: 10)
            #expect(recommendations.count == 10)
            for recommendation in recommendations {
                let x = model.featureVector(user: user, item: recommendation.item)
                let expected = zip(model.weights, x).map { $0 * $1 }
                let cooc = model.layout.cooccurrenceIndex
                for k in expected.indices where k != cooc { #expect(recommendation.contributions[k] == expected[k], "feature \(k)") }
                #expect(abs(recommendation.contributions[cooc] - expected[cooc]) < 1e-12)
                #expect(recommendation.score == recommendation.contributions.reduce(0, +))
            }
        }
    }
}

import Testing
import StrataCore

/// SPEC §6 metrics beyond the ranking figures, with answers worked out by hand.
@Suite struct MetricEvaluationTests {
    // p = (½, ½), q = (1, 0), m = (¾, ¼):
    // KL(p‖m) = ½·log2(⅔) + ½·log2(2) = 0.2075187496394219
    // KL(q‖m) = log2(4/3) = 0.4150374992788438
    // JSD = ½(KL(p‖m) + KL(q‖m)) = 0.31127812445913283; distance = √JSD = 0.5579230452841438.
    @Test func jensenShannonByHand() {
        #expect(abs(JensenShannon.distance([0.5, 0.5], [1, 0]) - 0.5579230452841438) < 1e-12)
        #expect(abs(JensenShannon.distance([2, 2], [3, 0]) - 0.5579230452841438) < 1e-12, "weights are normalised")
        #expect(JensenShannon.distance([1, 0], [0, 1]) == 1)
        #expect(JensenShannon.distance([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]) == 0)
        #expect(JensenShannon.distance([0, 0], [0, 0]) == 0)
        #expect(JensenShannon.distance([0, 0], [1, 0]) == 1)
        let d = JensenShannon.distance([0.1, 0.9], [0.9, 0.1])
        #expect(d > 0 && d < 1 && d == JensenShannon.distance([0.9, 0.1], [0.1, 0.9]))
    }

    @Test func driftDetectionDelay() {
        #expect(DriftDetectionDelay.delay(driftStart: 100, alerts: [50, 130, 120, 90]) == 20)
        #expect(DriftDetectionDelay.delay(driftStart: 100, alerts: [100, 150]) == 0)
        #expect(DriftDetectionDelay.delay(driftStart: 100, alerts: [50, 99]) == nil)
        #expect(DriftDetectionDelay.delay(driftStart: 100, alerts: []) == nil)
        #expect(DriftDetectionDelay.falseAlarms(driftStart: 100, alerts: [50, 130, 120, 90]) == 2)
    }

    // Lists {0,1} and {1,2} of a 10-item catalogue: 3 distinct items → 0.3.
    @Test func catalogueCoverage() {
        #expect(RecommendationListMetrics.coverage(of: [[0, 1], [1, 2]], catalogueSize: 10) == 0.3)
        #expect(RecommendationListMetrics.coverage(of: [], catalogueSize: 10) == 0)
        #expect(RecommendationListMetrics.coverage(of: [[0]], catalogueSize: 0) == 0)
    }

    // Similarity 1 for items of equal parity, else 0. List [0, 1, 2]: pairs (0,1) → 1 − 0,
    // (0,2) → 1 − 1, (1,2) → 1 − 0 → mean 2/3. List [4] → 0; mean over both = 1/3.
    @Test func intraListDiversity() {
        let parity: (ItemIndex, ItemIndex) -> Double = { $0 % 2 == $1 % 2 ? 1 : 0 }
        #expect(RecommendationListMetrics.intraListDiversity(of: [0, 1, 2], similarity: parity) == 2.0 / 3)
        #expect(RecommendationListMetrics.intraListDiversity(of: [4], similarity: parity) == 0)
        #expect(RecommendationListMetrics.meanIntraListDiversity(of: [[0, 1, 2], [4]], similarity: parity) == 1.0 / 3)
    }

    // Scores (0.1, 0.4, 0.35, 0.8), accepted (no, no, yes, yes): of the 4 accepted×rejected
    // pairs, 3 are ordered right → 0.75.
    // Tied: (0.5, 0.5, 0.5, 0.9), accepted (yes, no, no, yes): the tied accepted item beats each
    // tied rejected one by ½ (→ 1), 0.9 beats both (→ 2) → 3/4.
    @Test func aucByHand() {
        #expect(AcceptPredictionMetrics.auc(scores: [0.1, 0.4, 0.35, 0.8], accepted: [false, false, true, true]) == 0.75)
        #expect(AcceptPredictionMetrics.auc(scores: [0.5, 0.5, 0.5, 0.9], accepted: [true, false, false, true]) == 0.75)
        #expect(AcceptPredictionMetrics.auc(scores: [1, 1], accepted: [true, false]) == 0.5)
        #expect(AcceptPredictionMetrics.auc(scores: [0.2, 0.1], accepted: [true, false]) == 1)
        #expect(AcceptPredictionMetrics.auc(scores: [0.2, 0.1], accepted: [true, true]) == nil)
    }

    // −(ln 0.9 + ln 0.8)/2 = 0.164252033486018; clipping: p = 0 for an accept → −ln 1e-15.
    @Test func logLossByHand() throws {
        let loss = try #require(AcceptPredictionMetrics.logLoss(probabilities: [0.9, 0.2], accepted: [true, false]))
        #expect(abs(loss - 0.164252033486018) < 1e-12)
        #expect(AcceptPredictionMetrics.logLoss(probabilities: [0], accepted: [true]) == 34.538776394910684)
        let clippedHigh = try #require(AcceptPredictionMetrics.logLoss(probabilities: [1], accepted: [false]))
        #expect(abs(clippedHigh - 34.538776394910684) < 1e-3)
        #expect(AcceptPredictionMetrics.logLoss(probabilities: [], accepted: []) == nil)
    }
}

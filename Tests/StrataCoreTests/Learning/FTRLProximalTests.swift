import Testing
@testable import StrataCore

@Suite struct FTRLProximalTests {
    @Test func oneUpdateMatchesHandComputation() {
        var settings = FTRLProximal.Settings()
        settings.alpha = 0.1; settings.beta = 1; settings.l1 = 0; settings.l2 = 1
        var learner = FTRLProximal(dimension: 2, settings: settings)
        // p = σ(0) = 0.5; g = (0.5 − 1)·1 = −0.5; n = 0.25; σ = (0.5 − 0)/0.1 = 5;
        // z = −0.5 − 5·0 = −0.5; w = 0.5 / ((1 + 0.5)/0.1 + 1) = 0.5/16.
        let p = learner.update(x: [1, 0], label: 1)
        #expect(p == 0.5)
        #expect(learner.weights[0] == 0.5 / 16)
        #expect(learner.weights[1] == 0)
        #expect(learner.n[0] == 0.25)
        #expect(learner.z[0] == -0.5)
        // Second step: p = σ(1/32); g = p − 1; ...
        let p2 = learner.update(x: [1, 0], label: 1)
        #expect(abs(p2 - sigmoid(1.0 / 32)) < 1e-15)
        let g = p2 - 1
        let n = 0.25 + g * g
        let sigma = (n.squareRoot() - 0.5) / 0.1
        let z = -0.5 + g - sigma * (1.0 / 32)
        #expect(abs(learner.weights[0] - (-z / ((1 + n.squareRoot()) / 0.1 + 1))) < 1e-15)
    }

    @Test func l1KeepsSmallWeightsAtZeroAndExampleWeightScalesGradient() {
        var settings = FTRLProximal.Settings()
        settings.alpha = 0.1; settings.l1 = 1.0
        var learner = FTRLProximal(dimension: 1, settings: settings)
        learner.update(x: [1], label: 1, weight: 0.2) // |z| = 0.1 ≤ λ₁
        #expect(learner.weights[0] == 0)
        #expect(abs(learner.n[0] - 0.01) < 1e-15)
    }

    @Test func initialWeightsAreReproduced() {
        let learner = FTRLProximal(dimension: 3, initialWeights: [1.5, 0, -2])
        #expect(abs(learner.weights[0] - 1.5) < 1e-12)
        #expect(learner.weights[1] == 0)
        #expect(abs(learner.weights[2] + 2) < 1e-12)
    }

    @Test func varianceShrinksAsEvidenceAccumulates() {
        var learner = FTRLProximal(dimension: 1)
        let before = learner.variance(0)
        for _ in 0..<10 { learner.update(x: [1], label: 1) }
        #expect(learner.variance(0) < before)
    }
}

import Testing
@testable import StrataCore

@Suite struct DriftTests {
    func feed(_ monitor: inout CosineDriftMonitor, _ cosine: Double) -> Bool {
        monitor.update(cosine: cosine, settings: CosineDriftMonitor.Settings())
    }

    func observe(_ test: inout PageHinkley, _ x: Double, _ settings: PageHinkley.Settings) -> Bool {
        test.observe(x, settings: settings) != nil
    }

    @Test func cosineHandComputed() {
        #expect(CosineDriftMonitor.cosine([1, 0], [0, 1]) == 0)
        #expect(abs(CosineDriftMonitor.cosine([0.6, 0.4], [0.6, 0.4]) - 1) < 1e-15)
        // (0.8·0.2 + 0.2·0.8) / (0.68) = 0.32 / 0.68
        #expect(abs(CosineDriftMonitor.cosine([0.8, 0.2], [0.2, 0.8]) - 0.32 / 0.68) < 1e-15)
        #expect(CosineDriftMonitor.cosine([0, 0], [1, 0]) == 1)
    }

    @Test func alertNeedsThreeLowReadingsAndClearsAboveMargin() {
        var monitor = CosineDriftMonitor()
        #expect(!feed(&monitor, 0.4))
        #expect(!feed(&monitor, 0.4))
        #expect(feed(&monitor, 0.3))
        #expect(monitor.inDrift)
        // 0.55 is above the threshold but below threshold + margin: still in drift.
        for _ in 0..<5 { let flipped = feed(&monitor, 0.55); #expect(!flipped) }
        #expect(!feed(&monitor, 0.7))
        #expect(!feed(&monitor, 0.7))
        #expect(feed(&monitor, 0.7))
        #expect(!monitor.inDrift)
    }

    @Test func pageHinkleyHandComputed() {
        var settings = PageHinkley.Settings()
        settings.delta = 0.1
        settings.lambda = 1.0
        settings.minimumSamples = 1
        var test = PageHinkley()
        // x = 0, 0: means 0, m = −0.1, −0.2; M = −0.2.
        #expect(!observe(&test, 0, settings))
        #expect(!observe(&test, 0, settings))
        #expect(abs(test.cumulative + 0.2) < 1e-12)
        // x = 3: mean 1, m = −0.2 + (3 − 1 − 0.1) = 1.7; m − M = 1.9 > 1 → alarm and restart.
        #expect(observe(&test, 3, settings))
        #expect(test.count == 0)
    }

    @Test func pageHinkleyAlarmReportsTheStatisticNotLambda() {
        var settings = PageHinkley.Settings()
        settings.delta = 0.1
        settings.lambda = 1.0
        settings.minimumSamples = 1
        var test = PageHinkley()
        _ = test.observe(0, settings: settings)
        _ = test.observe(0, settings: settings)
        // As above: m − M = 1.9 when x = 3 arrives.
        let score = test.observe(3, settings: settings)
        #expect(score != nil)
        #expect(abs((score ?? 0) - 1.9) < 1e-12)
    }

    @Test func pageHinkleyStaysBoundedOnEndlessStreams() {
        // A constant loss drifts m by −δ per step; without renormalisation |m| grows without
        // bound (and loses precision). After 3·10⁷ steps the state must be small and the
        // statistic exactly what a fresh run would give (0: the loss never rose).
        var settings = PageHinkley.Settings()
        settings.lambda = 1e300
        var test = PageHinkley()
        for _ in 0..<30_000_000 { _ = test.observe(0.7, settings: settings) }
        #expect(abs(test.cumulative) <= PageHinkley.shiftBelow + 1)
        #expect(abs(test.minimum) <= PageHinkley.shiftBelow + 1)
        #expect(test.statistic >= 0 && test.statistic < 1e-6)
        // A rise of the loss is still detected with the right size.
        settings.lambda = 2
        var score: Double?
        for _ in 0..<10 where score == nil { score = test.observe(1.7, settings: settings) }
        #expect(score != nil && score! > 2 && score! < 3)
    }
}

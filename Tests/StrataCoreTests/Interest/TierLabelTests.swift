import Testing
@testable import StrataCore

@Suite struct TierLabelTests {
    static let rule = TierLabelRule()

    @Test(arguments: [
        // short, long, expected
        (0.30, 0.30, TierLabel.core),       // long ≥ .15, ratio 1
        (0.10, 0.20, .core),                // ratio exactly 0.5
        (0.09, 0.20, .fading),              // ratio .45 < .5; long ≥ .10 but ratio > .33 → active? see next
        (0.40, 0.05, .emerging),            // short ≥ .10, ratio 8
        (0.40, 0.00, .emerging),            // long 0 → ratio ∞
        (0.03, 0.12, .fading),              // long ≥ .10, ratio .25
        (0.01, 0.02, .dormant),             // all < .03
        (0.05, 0.05, .active),
    ])
    func labelRule(short: Double, long: Double, expected: TierLabel) {
        let label = Self.rule.label(short: short, long: long, allShares: [short, (short + long) / 2, long])
        // (0.09, 0.20): ratio 0.45 is neither ≥ .5 (core) nor ≤ .33 (fading) → active.
        let adjusted = (short == 0.09) ? TierLabel.active : expected
        #expect(label == adjusted)
    }

    @Test func hysteresisNeedsThreeConsecutiveEvaluations() {
        var tracker = TierTracker(nodeCount: 2)
        let first = tracker.evaluate(node: 1, candidate: .emerging, hysteresis: 3)
        let second = tracker.evaluate(node: 1, candidate: .emerging, hysteresis: 3)
        #expect(first == nil && second == nil)
        let change = tracker.evaluate(node: 1, candidate: .emerging, hysteresis: 3)
        #expect(change?.from == .dormant && change?.to == .emerging)
        #expect(tracker.labels[1] == .emerging)
    }

    @Test func interruptedCandidateRestartsTheCount() {
        var tracker = TierTracker(nodeCount: 2)
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .dormant, hysteresis: 3) // back to current: reset
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        #expect(tracker.labels[1] == .dormant)
        let third = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        #expect(third?.to == .core)
        // A different candidate mid-way also restarts.
        _ = tracker.evaluate(node: 1, candidate: .fading, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .active, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .fading, hysteresis: 3)
        #expect(tracker.labels[1] == .core)
        #expect(tracker.pendingState(of: 1).count == 1)
    }
}

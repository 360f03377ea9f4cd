import Testing
@testable import StrataCore

@Suite struct InterestLabelTests {
    static let rule = LabelRule()

    @Test(arguments: [
        // short, long, expected
        (0.30, 0.30, InterestLabel.core),       // long ≥ .15, ratio 1
        (0.10, 0.20, .core),                // ratio exactly 0.5
        (0.09, 0.20, .active),              // ratio .45: neither ≥ .5 (core) nor ≤ .33 (fading)
        (0.40, 0.05, .emerging),            // short ≥ .10, ratio 8
        (0.40, 0.00, .emerging),            // long 0 → ratio ∞
        (0.03, 0.12, .fading),              // long ≥ .10, ratio .25
        (0.01, 0.02, .dormant),             // all < .03
        (0.05, 0.05, .active),
    ])
    func labelRule(short: Double, long: Double, expected: InterestLabel) {
        let label = Self.rule.label(short: short, long: long, allShares: [short, (short + long) / 2, long])
        #expect(label == expected)
    }

    @Test func hysteresisNeedsThreeConsecutiveEvaluations() {
        var tracker = LabelTracker()
        let first = tracker.evaluate(node: 1, candidate: .emerging, hysteresis: 3)
        let second = tracker.evaluate(node: 1, candidate: .emerging, hysteresis: 3)
        #expect(first == nil && second == nil)
        let change = tracker.evaluate(node: 1, candidate: .emerging, hysteresis: 3)
        #expect(change?.from == .dormant && change?.to == .emerging)
        #expect(tracker.label(of: 1) == .emerging)
    }

    @Test func interruptedCandidateRestartsTheCount() {
        var tracker = LabelTracker()
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .dormant, hysteresis: 3) // back to current: reset
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        #expect(tracker.label(of: 1) == .dormant)
        let third = tracker.evaluate(node: 1, candidate: .core, hysteresis: 3)
        #expect(third?.to == .core)
        // A different candidate mid-way also restarts.
        _ = tracker.evaluate(node: 1, candidate: .fading, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .active, hysteresis: 3)
        _ = tracker.evaluate(node: 1, candidate: .fading, hysteresis: 3)
        #expect(tracker.label(of: 1) == .core)
        #expect(tracker.pendingState(of: 1).count == 1)
    }
}

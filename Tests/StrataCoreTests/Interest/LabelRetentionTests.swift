import Testing
@testable import StrataCore

@Suite struct LabelRetentionTests {
    static let rule = LabelRule() // retention margin 0.5

    @Test func fadingIsKeptWhileItsRelaxedConditionHolds() {
        // Strictly active (ratio 0.4 > 0.33) but within the relaxed fading ratio 0.495.
        let shares = [0.08, 0.15, 0.2]
        #expect(Self.rule.label(short: 0.08, long: 0.2, allShares: shares) == .active)
        #expect(Self.rule.label(short: 0.08, long: 0.2, allShares: shares, current: .fading) == .fading)
        // Ratio 0.6 leaves the relaxed band: the strict label wins (core: long ≥ .15, ratio ≥ .5).
        #expect(Self.rule.label(short: 0.12, long: 0.2, allShares: [0.12, 0.2, 0.2], current: .fading) == .core)
    }

    @Test func anEarlierLabelHoldingStrictlyReplacesTheCurrentOne() {
        // Emerging would be retained (ratio 1.6 ≥ 1.0) but core holds strictly.
        #expect(Self.rule.label(short: 0.32, long: 0.2, allShares: [0.32, 0.25, 0.2], current: .emerging) == .core)
    }
}

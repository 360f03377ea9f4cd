/// The live interest label of a node (SPEC §3's "interest tier"; the UI, exports and reports say
/// "tier change"), from its shares among siblings. Not a `TemporalTier` (short, medium, long).
public enum InterestLabel: String, CaseIterable, Codable, Sendable, Comparable {
    case core, emerging, fading, active, dormant

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Thresholds of the labelling rule (Docs/model.md §4). Defaults are SPEC §3's.
public struct LabelRule: Hashable, Sendable, Codable {
    public var coreLongShare = 0.15
    public var coreRatio = 0.5
    public var emergingShortShare = 0.10
    public var emergingRatio = 2.0
    public var fadingLongShare = 0.10
    public var fadingRatio = 0.33
    public var dormantShare = 0.03
    /// Consecutive evaluations a new label must hold before it is adopted.
    public var hysteresis = 3
    /// A node keeps its current label while that label's condition still holds with every
    /// threshold relaxed by this fraction, unless a label earlier in the order holds strictly
    /// (Docs/model.md §4 "Retention"). Stops labels flickering on noisy short-term shares.
    public var retentionMargin = 0.5

    public init() {}

    /// The label for a node whose short, long and every tier's shares are given.
    /// First match wins in the order core, emerging, fading, dormant, active.
    /// `short/long` is +∞ when long is 0 and short is not.
    public func label(short: Double, long: Double, allShares: some Sequence<Double>) -> InterestLabel {
        let ratio = long > 0 ? short / long : (short > 0 ? Double.infinity : 0)
        if long >= coreLongShare && ratio >= coreRatio { return .core }
        if short >= emergingShortShare && ratio >= emergingRatio { return .emerging }
        if long >= fadingLongShare && ratio <= fadingRatio { return .fading }
        if allShares.allSatisfy({ $0 < dormantShare }) { return .dormant }
        return .active
    }

    /// The label with retention: `current` is kept while its relaxed condition holds and no
    /// label before it in the order (core, emerging, fading, dormant, active) holds strictly.
    public func label(short: Double, long: Double, allShares: [Double], current: InterestLabel) -> InterestLabel {
        let strict = label(short: short, long: long, allShares: allShares)
        if strict == current || strict < current { return strict }
        return holdsRelaxed(current, short: short, long: long, allShares: allShares) ? current : strict
    }

    func holdsRelaxed(_ label: InterestLabel, short: Double, long: Double, allShares: [Double]) -> Bool {
        let m = retentionMargin
        let ratio = long > 0 ? short / long : (short > 0 ? Double.infinity : 0)
        switch label {
        case .core: return long >= coreLongShare * (1 - m) && ratio >= coreRatio * (1 - m)
        case .emerging: return short >= emergingShortShare * (1 - m) && ratio >= emergingRatio * (1 - m)
        case .fading: return long >= fadingLongShare * (1 - m) && ratio <= fadingRatio * (1 + m)
        case .dormant: return allShares.allSatisfy { $0 < dormantShare * (1 + m) }
        case .active: return false
        }
    }
}

/// The live "interest tier" of a node (SPEC §3), from its shares among siblings.
/// Not to be confused with `TemporalTier` (short, medium, long).
public enum TierLabel: String, CaseIterable, Codable, Sendable, Comparable {
    case core, emerging, fading, active, dormant

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Thresholds of the labelling rule (Docs/model.md §4). Defaults are SPEC §3's.
public struct TierLabelRule: Hashable, Sendable, Codable {
    public var coreLongShare = 0.15
    public var coreRatio = 0.5
    public var emergingShortShare = 0.10
    public var emergingRatio = 2.0
    public var fadingLongShare = 0.10
    public var fadingRatio = 0.33
    public var dormantShare = 0.03
    /// Consecutive evaluations a new label must hold before it is adopted.
    public var hysteresis = 3

    public init() {}

    /// The label for a node whose short, long and every tier's shares are given.
    /// First match wins in the order core, emerging, fading, dormant, active.
    /// `short/long` is +∞ when long is 0 and short is not.
    public func label(short: Double, long: Double, allShares: some Sequence<Double>) -> TierLabel {
        let ratio = long > 0 ? short / long : (short > 0 ? Double.infinity : 0)
        if long >= coreLongShare && ratio >= coreRatio { return .core }
        if short >= emergingShortShare && ratio >= emergingRatio { return .emerging }
        if long >= fadingLongShare && ratio <= fadingRatio { return .fading }
        if allShares.allSatisfy({ $0 < dormantShare }) { return .dormant }
        return .active
    }
}

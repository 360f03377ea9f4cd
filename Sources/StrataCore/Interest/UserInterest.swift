/// One user's strengths `s_τ(n)` for every taxonomy node and temporal tier, with lazy decay
/// (SPEC §3, Docs/model.md §3):
///
///     s_τ(n) ← max(0, s_τ(n) · 2^(−Δ/h_τ) + g(a) · share(i, n))
///
/// Storage is flat: index `node * tierCount + tier`. Each slot keeps its value and the clock
/// reading of its last update; a read decays it to the current clock.
public struct UserInterest: Hashable, Sendable {
    public let tierCount: Int
    public private(set) var strength: [Double]
    public private(set) var updatedAt: [Double]
    /// Events this user has produced so far (the `.events` clock).
    public private(set) var eventCount: Int64 = 0
    /// Stream time of the user's latest event (the `.seconds` clock).
    public private(set) var lastTime: Int64 = 0

    public init(nodeCount: Int, tierCount: Int) {
        self.tierCount = tierCount
        strength = Array(repeating: 0, count: nodeCount * tierCount)
        updatedAt = Array(repeating: 0, count: nodeCount * tierCount)
    }

    /// The clock reading of `tier` now.
    @inline(__always)
    public func clock(_ clock: TemporalTier.Clock) -> Double {
        clock == .events ? Double(eventCount) : Double(lastTime)
    }

    /// Applies one event with gain `gain` to the item's nodes. O(depth × paths × tiers).
    public mutating func observe(
        gain: Double, time: Int64, catalogue: Catalogue, item: ItemIndex,
        tiers: [TemporalTier], decay: [DecayTable]
    ) {
        eventCount += 1
        lastTime = max(lastTime, time)
        let refs = catalogue.nodeRefs(of: item)
        let tierCount = self.tierCount
        let eventClock = Double(eventCount), secondsClock = Double(lastTime)
        catalogue.nodeRefNode.withUnsafeBufferPointer { refNode in
        catalogue.nodeRefShare.withUnsafeBufferPointer { refShare in
        strength.withUnsafeMutableBufferPointer { strength in
        updatedAt.withUnsafeMutableBufferPointer { updatedAt in
            for t in 0..<tierCount {
                let now = tiers[t].clock == .events ? eventClock : secondsClock
                for r in refs {
                    let slot = refNode[r] &* tierCount &+ t
                    let decayed = strength[slot] * decay[t].factor(now - updatedAt[slot])
                    strength[slot] = max(0, decayed + gain * refShare[r])
                    updatedAt[slot] = now
                }
            }
        }}}}
    }

    /// `s_τ(n)` as stored at its last update (not decayed).
    @inline(__always)
    func rawStrength(of node: NodeIndex, tier: Int) -> Double { strength[node * tierCount + tier] }

    /// `s_τ(n)` decayed to the current clock.
    @inline(__always)
    public func strength(of node: NodeIndex, tier: Int, tiers: [TemporalTier], decay: [DecayTable]) -> Double {
        let slot = node * tierCount + tier
        let value = strength[slot]
        if value == 0 { return 0 }
        return value * decay[tier].factor(clock(tiers[tier].clock) - updatedAt[slot])
    }
}

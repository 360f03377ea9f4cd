/// Exponentially decayed counts per item, read in O(1) (Docs/model.md §7 "Popularity").
///
/// Forward decay: the value of item i at clock t is `V_i · 2^(−(t − t₀)/h)`; adding g at t adds
/// `g · 2^((t − t₀)/h)` to V_i. When the exponent grows large every V is rescaled and t₀ moves
/// to t, so nothing overflows. Equivalent to lazy per-item decay, but a read needs one
/// multiplication by a factor shared by all items.
public struct DecayedCounts: Hashable, Sendable {
    public let halfLife: Double
    public private(set) var scaled: [Double]
    public private(set) var origin: Double = 0

    public init(count: Int, halfLife: Double) {
        precondition(halfLife > 0, "half-life must be positive, got \(halfLife)")
        self.halfLife = halfLife
        scaled = Array(repeating: 0, count: count)
    }

    public mutating func add(_ amount: Double, to item: Int, at clock: Double) {
        var exponent = (clock - origin) / halfLife
        if exponent > 256 {
            let factor = strataExp2(-exponent)
            for i in scaled.indices { scaled[i] *= factor }
            origin = clock
            exponent = 0
        }
        scaled[item] = max(0, scaled[item] + amount * strataExp2(exponent))
    }

    /// The factor that turns stored values into values at `clock`.
    @inline(__always)
    public func readFactor(at clock: Double) -> Double { strataExp2(-(clock - origin) / halfLife) }

    @inline(__always)
    public func value(of item: Int, at clock: Double) -> Double { scaled[item] * readFactor(at: clock) }
}

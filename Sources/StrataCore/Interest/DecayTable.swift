/// Precomputed decay factors `2^(−Δ/h)` for small whole-number Δ, so the hot path of an
/// event-count clock needs no `exp2` call. Larger or fractional Δ fall back to `exp2`.
public struct DecayTable: Sendable {
    private static let size = 4096
    private let factors: [Double]
    public let halfLife: Double

    public init(halfLife: Double) {
        self.halfLife = halfLife
        factors = (0..<Self.size).map { strataExp2(-Double($0) / halfLife) }
    }

    /// `2^(−delta/halfLife)`; exactly the same value whether or not the table is used.
    @inline(__always)
    public func factor(_ delta: Double) -> Double {
        // In range first, so the truncating conversion is safe; whole iff it converts back.
        if delta >= 0, delta < Double(Self.size) {
            let whole = Int(delta)
            if Double(whole) == delta { return factors.withUnsafeBufferPointer { $0[whole] } }
        }
        return strataExp2(-delta / halfLife)
    }
}

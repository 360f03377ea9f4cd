/// GELU as BERT's `"gelu"`: `x · Φ(x) = ½ x (1 + erf(x / √2))`, the exact (erf) form, not the
/// tanh approximation.
///
/// `erf` is Abramowitz & Stegun 7.1.28, `1 − (1 + a₁x + … + a₆x⁶)⁻¹⁶` for x ≥ 0 (odd
/// extension below), absolute error ≤ 3·10⁻⁷ — below float32's resolution of the result for
/// |x| ≳ 1 — with no `exp`, so the loop over the `tokens × 1536` intermediate activations is
/// plain SIMD arithmetic (libm's `erff` made GELU a third of the encoder's time). Design note 3.
enum GELU {
    static func apply(_ values: inout [Float]) {
        values.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var k = 0
            while k + 8 <= count {
                var x = SIMD8<Float>()
                for lane in 0..<8 { x[lane] = buffer[k + lane] }
                let y = gelu(x)
                for lane in 0..<8 { buffer[k + lane] = y[lane] }
                k += 8
            }
            while k < count {
                buffer[k] = gelu(SIMD8<Float>(repeating: buffer[k]))[0]
                k += 1
            }
        }
    }

    @inline(__always)
    static func gelu(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let z = x * 0.70710678118654752
        let a = z.replacing(with: -z, where: z .< 0)
        var p = SIMD8<Float>(repeating: 0.0000430638)
        p = p * a + 0.0002765672
        p = p * a + 0.0001520143
        p = p * a + 0.0092705272
        p = p * a + 0.0422820123
        p = p * a + 0.0705230784
        p = p * a + 1
        p = p * p; p = p * p; p = p * p; p = p * p       // ^16
        let erfAbs = 1 - 1 / p
        let erf = erfAbs.replacing(with: -erfAbs, where: z .< 0)
        return 0.5 * x * (1 + erf)
    }
}

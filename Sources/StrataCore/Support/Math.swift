#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers so the core needs no Foundation.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) public func strataExp2(_ x: Double) -> Double { exp2(x) }
@inline(__always) public func strataExp(_ x: Double) -> Double { exp(x) }
@inline(__always) public func strataLog(_ x: Double) -> Double { log(x) }
@inline(__always) public func strataLog2(_ x: Double) -> Double { log2(x) }

/// The logistic function σ(z), stable for large |z|.
@inline(__always)
public func sigmoid(_ z: Double) -> Double {
    z >= 0 ? 1 / (1 + exp(-z)) : { let e = exp(z); return e / (1 + e) }()
}
@inline(__always) public func strataPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// ln(1 + x) for x ≥ 0 from IEEE arithmetic only (no libm), so features are bit-identical on
/// every platform and the bulk scorer stays fast. y = 1 + x = m·2^e with m in [√½, √2);
/// ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172, series to s¹¹: relative error < 1e-9.
@inline(__always)
public func strataLog1p(_ x: Double) -> Double {
    let y = 1 + max(0, x)
    let bits = y.bitPattern
    var e = Int((bits >> 52) & 0x7FF) - 1023
    var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
    if m > 1.4142135623730951 { m *= 0.5; e += 1 }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    let series = s * (2 + s2 * (2.0 / 3 + s2 * (2.0 / 5 + s2 * (2.0 / 7 + s2 * (2.0 / 9 + s2 * (2.0 / 11))))))
    return series + Double(e) * 0.6931471805599453
}

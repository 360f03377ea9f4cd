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

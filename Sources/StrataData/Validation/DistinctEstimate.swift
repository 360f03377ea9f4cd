import Foundation

/// A HyperLogLog sketch (Flajolet, Fusy, Gandouet and Meunier, 2007) of distinct 64-bit hashes:
/// 2¹⁴ one-byte registers (16 KiB) whatever the number of ids, a standard error of
/// 1.04/√2¹⁴ ≈ 0.8 %. `validate` falls back to it when the exact hashed ids would pass their
/// budget (Docs/datasets.md, design note 1).
struct DistinctEstimate {
    static let precision = 14
    private var registers = [UInt8](repeating: 0, count: 1 << precision)

    var byteCount: Int { registers.count }

    /// Adds a hash (uniform bits: `IDHash`). The top `precision` bits choose the register; the
    /// rank is one more than the leading zeros of the rest.
    mutating func add(_ hash: UInt64) {
        let index = Int(truncatingIfNeeded: hash >> UInt64(64 - Self.precision))
        let rest = hash << UInt64(Self.precision)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - Self.precision) + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    /// The estimated number of distinct hashes added, with the small-range (linear counting)
    /// correction; 64-bit hashes need no large-range one.
    var estimate: Int {
        let m = Double(registers.count)
        var sum = 0.0
        var zeros = 0
        for register in registers {
            sum += 1 / Double(UInt64(1) << UInt64(register))
            if register == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        let raw = alpha * m * m / sum
        if raw <= 2.5 * m && zeros > 0 { return Int((m * log(m / Double(zeros))).rounded()) }
        return Int(raw.rounded())
    }
}

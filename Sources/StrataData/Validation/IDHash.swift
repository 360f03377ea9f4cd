/// A 64-bit hash of an id's bytes for `validate`'s distinct counts (design note 1 of
/// Docs/datasets.md): fixed, so counts and estimates are the same on every run, and fast on the
/// short ids of event logs (eight bytes per multiply). Two different ids share a hash with
/// probability about 2⁻⁶⁴; it is not meant to resist ids crafted to collide.
enum IDHash {
    static func of(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= count {
            state = mix(state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0xA076_1D64_78BD_642F)
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            state = mix(state ^ tail, 0xE703_7ED1_A0B4_28DB)
        }
        return finalized(state)
    }

    /// The high and low halves of the full product, folded: every input bit reaches the output.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// MurmurHash3's finaliser, so the top bits (shards, HyperLogLog registers) are uniform.
    @inline(__always)
    static func finalized(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

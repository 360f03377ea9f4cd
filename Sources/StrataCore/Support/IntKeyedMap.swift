/// A small open-addressing hash map from `Int32` keys to values (linear probing, Fibonacci
/// hashing), for the per-user content profiles and co-occurrence rows on the hot path. Unlike `Dictionary` it needs no
/// seeded hasher, and its entry order depends only on the insertion sequence, so the state hash
/// can read it deterministically. Keys must be ≥ 0. Amortised O(1) lookup and insert.
public struct IntKeyedMap<Value: Sendable & Hashable>: Sendable, Hashable {
    private var keys: [Int32]
    private var values: [Value]
    private let absent: Value
    /// Keys in insertion order, so iteration costs O(count), not O(capacity).
    private var order: [Int32] = []
    public private(set) var count = 0

    /// `absent` fills empty slots and is what `value(_:)` returns for a missing key. An empty
    /// map allocates nothing (a million users' empty profiles cost no tables); the first insert
    /// makes the 8 slots every map used to start with, so the slot layout is the same.
    public init(absent: Value) {
        self.absent = absent
        keys = []
        values = []
    }

    /// The slot of `key` or of the empty slot where it would go; −1 while nothing is allocated.
    @inline(__always)
    private func slot(for key: Int32) -> Int {
        guard !keys.isEmpty else { return -1 }
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = keys[i]
            if k == key || k == -1 { return i }
            i = (i &+ 1) & mask
        }
    }

    public subscript(key: Int32) -> Value? {
        let i = slot(for: key)
        return i >= 0 && keys[i] == key ? values[i] : nil
    }

    /// The value for `key`, `absent` when missing.
    @inline(__always)
    public func value(_ key: Int32) -> Value {
        let i = slot(for: key)
        return i >= 0 && keys[i] == key ? values[i] : absent
    }

    public mutating func set(_ key: Int32, _ value: Value) {
        precondition(key >= 0, "IntKeyedMap keys must be non-negative, got \(key)")
        if keys.isEmpty {
            keys = Array(repeating: -1, count: 8)
            values = Array(repeating: absent, count: 8)
        }
        var i = slot(for: key)
        if keys[i] != key {
            if (count + 1) * 4 > keys.count * 3 {
                grow()
                i = slot(for: key)
            }
            keys[i] = key
            order.append(key)
            count += 1
        }
        values[i] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: -1, count: oldKeys.count * 2)
        values = Array(repeating: absent, count: oldKeys.count * 2)
        for j in oldKeys.indices where oldKeys[j] >= 0 {
            let i = slot(for: oldKeys[j])
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
        }
    }

    /// Every (key, value) pair, in insertion order.
    public func forEach(_ body: (Int32, Value) -> Void) {
        for key in order { body(key, values[slot(for: key)]) }
    }

    /// Every (key, value) pair in slot order: no probing, for callers whose result does not
    /// depend on the order (each key is visited once).
    @inline(__always)
    public func forEachInSlotOrder(_ body: (Int32, Value) -> Void) {
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                for j in 0..<k.count where k[j] >= 0 { body(k[j], v[j]) }
            }
        }
    }

    /// Every key, in insertion order.
    public var orderedKeys: [Int32] { order }

    /// Bytes of its tables (for the memory figures).
    public var storedBytes: Int {
        keys.capacity * 4 + values.capacity * MemoryLayout<Value>.stride + order.capacity * 4
    }

}

extension IntKeyedMap where Value == Double {
    public init() { self.init(absent: 0) }

    /// Multiplies every value by `factor`.
    public mutating func scaleAll(by factor: Double) {
        for j in keys.indices where keys[j] >= 0 { values[j] *= factor }
    }
}

/// A set of 64-bit id hashes within a byte budget: what `validate` keeps of the ids of a big
/// event file instead of the ids themselves (Docs/datasets.md, design note 1).
///
/// 256 shards, chosen by the top eight bits of the hash, each an open-addressing table of
/// `UInt64` slots (0 = empty) with linear probing, at most ¾ full, grown by half when it would
/// be fuller. Shards grow one at a time, so growing never holds two copies of the whole set
/// (one shard's, 1/256 of it); capacities need not be powers of two (a slot is chosen by the
/// high half of a multiplication). Each distinct hash costs 8 bytes over the load: 10.7 to 16
/// bytes. No shard grows past 1/256 of `slotBudget`; when one is full there, `insert` answers
/// `.full` for a new hash.
struct HashedIDSet {
    enum Insertion { case inserted, present, full }

    private static let shardBits = 8
    private static let initialShardCapacity = 16

    private var shards: [[UInt64]]
    private var shardCounts: [Int]
    private(set) var count = 0
    private(set) var slotCount: Int
    /// The most slots all shards may hold together.
    let slotBudget: Int

    init(byteBudget: Int = Int.max) {
        let shardCount = 1 << Self.shardBits
        shards = Array(repeating: [UInt64](repeating: 0, count: Self.initialShardCapacity), count: shardCount)
        shardCounts = Array(repeating: 0, count: shardCount)
        slotCount = shardCount * Self.initialShardCapacity
        slotBudget = max(byteBudget / MemoryLayout<UInt64>.stride, slotCount)
    }

    /// Bytes held by the slots.
    var byteCount: Int { slotCount * MemoryLayout<UInt64>.stride }

    /// 0 marks an empty slot, so the hash 0 is stored as 1 (one more collision in 2⁶⁴).
    @inline(__always)
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    @inline(__always)
    private static func home(_ key: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key << UInt64(shardBits)).multipliedFullWidth(by: UInt64(capacity)).high)
    }

    func contains(_ hash: UInt64) -> Bool {
        let key = Self.key(hash)
        let shard = Int(truncatingIfNeeded: key >> UInt64(64 - Self.shardBits))
        return shards[shard].withUnsafeBufferPointer { slots in
            var index = Self.home(key, capacity: slots.count)
            while true {
                let slot = slots[index]
                if slot == key { return true }
                if slot == 0 { return false }
                index += 1
                if index == slots.count { index = 0 }
            }
        }
    }

    mutating func insert(_ hash: UInt64) -> Insertion {
        let key = Self.key(hash)
        let shard = Int(truncatingIfNeeded: key >> UInt64(64 - Self.shardBits))
        let capacity = shards[shard].count
        if (shardCounts[shard] + 1) * 4 > capacity * 3 {
            // By half, but never past the shard's share of the budget: shards fill evenly, so
            // the set stays exact until nearly the whole budget is ¾ full.
            let grown = min(capacity + capacity / 2, slotBudget >> Self.shardBits)
            guard grown > capacity + capacity / 16 else { return contains(hash) ? .present : .full }
            grow(shard, to: grown)
        }
        let inserted = shards[shard].withUnsafeMutableBufferPointer { slots in
            var index = Self.home(key, capacity: slots.count)
            while true {
                let slot = slots[index]
                if slot == key { return false }
                if slot == 0 {
                    slots[index] = key
                    return true
                }
                index += 1
                if index == slots.count { index = 0 }
            }
        }
        guard inserted else { return .present }
        shardCounts[shard] += 1
        count += 1
        return .inserted
    }

    /// Reads the home slot of each hash and returns them folded. The reads do not depend on one
    /// another, so the processor overlaps their cache misses; the inserts that follow then find
    /// their slots in the cache (Swift has no prefetch). Random slots of a big set are the one
    /// cost of `validate` that grows with the ids: 80 % of its time before this.
    func touch(_ hashes: ArraySlice<UInt64>) -> UInt64 {
        var folded: UInt64 = 0
        for hash in hashes {
            let key = Self.key(hash)
            let shard = Int(truncatingIfNeeded: key >> UInt64(64 - Self.shardBits))
            shards[shard].withUnsafeBufferPointer { slots in
                folded ^= slots[Self.home(key, capacity: slots.count)]
            }
        }
        return folded
    }

    /// Calls `body` with every hash held.
    func forEach(_ body: (UInt64) -> Void) {
        for shard in shards {
            for slot in shard where slot != 0 { body(slot) }
        }
    }

    private mutating func grow(_ shard: Int, to capacity: Int) {
        var slots = [UInt64](repeating: 0, count: capacity)
        slots.withUnsafeMutableBufferPointer { fresh in
            for key in shards[shard] where key != 0 {
                var index = Self.home(key, capacity: capacity)
                while fresh[index] != 0 {
                    index += 1
                    if index == capacity { index = 0 }
                }
                fresh[index] = key
            }
        }
        slotCount += capacity - shards[shard].count
        shards[shard] = slots
    }
}

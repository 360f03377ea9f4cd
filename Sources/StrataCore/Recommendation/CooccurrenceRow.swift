/// One item's co-occurrence counts: an open-addressing table of (neighbour, count) pairs
/// (linear probing, Fibonacci hashing), bounded to `capacity` neighbours by the space-saving
/// rule (Metwally et al. 2005, Docs/model.md design note 13):
///
/// - a neighbour already kept gets +1;
/// - a new one is added while there is room;
/// - when the row is full, the neighbour with the smallest count (the smallest id on ties)
///   is replaced by the new one, which takes over that count + 1.
///
/// So a kept count `c` overestimates the true count by at most the count it took over
/// (`error`; `c − error` is a lower bound, and what the cosine reads), every neighbour whose
/// true count exceeds (row total) / capacity is kept, and a row that never filled holds the
/// exact counts. Entries are interleaved (one cache line per
/// probe); an empty row allocates nothing. Deterministic: the slots depend only on the
/// sequence of updates.
public struct CooccurrenceRow: Sendable, Hashable {
    /// `key == -1`: empty slot.
    struct Entry: Sendable, Hashable {
        var key: Int32
        var count: Float
        /// The count this entry took over when it replaced another (0 if it never did).
        var error: Float
    }
    private(set) var entries: [Entry] = []
    public private(set) var count = 0
    /// Once the row is full: keys that had the smallest count `floor` when it was last found,
    /// consumed from the end. Counts only grow in a full row, so a key still at `floor` when
    /// popped is a smallest; when none is left the next smallest is found by one scan. Each
    /// scan follows at least one eviction per key it lists: amortised O(1) per update.
    private var atFloor: [Int32] = []
    private var floor: Float = 0

    public init() {}

    @inline(__always)
    private static func home(_ key: Int32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The slot holding `key`, or -1.
    @inline(__always)
    private func slot(of key: Int32) -> Int {
        entries.withUnsafeBufferPointer { table in
            guard !table.isEmpty else { return -1 }
            let mask = table.count &- 1
            var i = Self.home(key, mask: mask)
            while true {
                let k = table[i].key
                if k == key { return i }
                if k == -1 { return -1 }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The guaranteed count of `key`: kept count − error, a lower bound of the true count,
    /// exact while the row has never been full (0 when not kept). What the cosine reads: a
    /// neighbour that just replaced another counts 1, not the count it took over.
    @inline(__always)
    public func count(of key: Int32) -> Float {
        let i = slot(of: key)
        return i >= 0 ? entries[i].count - entries[i].error : 0
    }

    /// `count(of:)` on a row's table already pinned by the caller (a loop over many keys of one
    /// row then pins it once).
    @inline(__always)
    static func guaranteedCount(of key: Int32, in table: UnsafeBufferPointer<Entry>) -> Float {
        guard !table.isEmpty else { return 0 }
        let mask = table.count &- 1
        var i = home(key, mask: mask)
        while true {
            let k = table[i].key
            if k == key { return table[i].count - table[i].error }
            if k == -1 { return 0 }
            i = (i &+ 1) & mask
        }
    }

    /// Runs `body` with this row's slots pinned (for `guaranteedCount(of:in:)`).
    @inline(__always)
    func withTable<R>(_ body: (UnsafeBufferPointer<Entry>) -> R) -> R { entries.withUnsafeBufferPointer(body) }

    /// The space-saving estimate of `key`'s count, an upper bound of the true count.
    public func upperCount(of key: Int32) -> Float {
        let i = slot(of: key)
        return i >= 0 ? entries[i].count : 0
    }

    /// The largest amount by which `upperCount(of: key)` may exceed the true count.
    public func error(of key: Int32) -> Float {
        let i = slot(of: key)
        return i >= 0 ? entries[i].error : 0
    }

    /// Counts one more co-occurrence with `key`, keeping at most `capacity` neighbours
    /// (0 = unbounded).
    public mutating func bump(_ key: Int32, capacity: Int) {
        precondition(key >= 0, "co-occurrence keys must be non-negative, got \(key)")
        let found = slot(of: key)
        if found >= 0 {
            entries[found].count += 1
            return
        }
        if capacity > 0 && count >= capacity {
            let victim = smallestSlot()
            let taken = entries[victim].count
            remove(at: victim)
            insert(Entry(key: key, count: taken + 1, error: taken))
            return
        }
        if (count &+ 1) &* 4 > entries.count &* 3 { grow() }
        insert(Entry(key: key, count: 1, error: 0))
    }

    /// The slot of an entry with the smallest count (of those, the smallest key first).
    private mutating func smallestSlot() -> Int {
        while let key = atFloor.popLast() {
            let i = slot(of: key)
            if i >= 0 && entries[i].count == floor { return i }
        }
        floor = .infinity
        for entry in entries where entry.key >= 0 && entry.count <= floor {
            if entry.count < floor { floor = entry.count; atFloor.removeAll(keepingCapacity: true) }
            atFloor.append(entry.key)
        }
        // Descending, so that popping from the end takes the smallest key first.
        atFloor.sort(by: >)
        let i = slot(of: atFloor.removeLast())
        return i
    }

    private mutating func insert(_ entry: Entry) {
        let mask = entries.count - 1
        var i = Self.home(entry.key, mask: mask)
        while entries[i].key != -1 { i = (i + 1) & mask }
        entries[i] = entry
        count += 1
    }

    /// Removes the entry at `slot`, shifting later members of its probe run back so that
    /// every lookup still finds its key without tombstones.
    private mutating func remove(at slot: Int) {
        let mask = entries.count - 1
        var hole = slot
        var i = (slot + 1) & mask
        while entries[i].key != -1 {
            let home = Self.home(entries[i].key, mask: mask)
            // The entry at i may move into the hole when its home is not in (hole, i].
            let distanceToHole = (i - home) & mask, distanceToI = (i - hole) & mask
            if distanceToHole >= distanceToI {
                entries[hole] = entries[i]
                hole = i
            }
            i = (i + 1) & mask
        }
        entries[hole] = Entry(key: -1, count: 0, error: 0)
        count -= 1
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: -1, count: 0, error: 0), count: max(4, old.count * 2))
        count = 0
        for entry in old where entry.key >= 0 { insert(entry) }
    }

    /// Every kept (neighbour, guaranteed count), in slot order (deterministic for a given history).
    @inline(__always)
    public func forEach(_ body: (Int32, Float) -> Void) {
        entries.withUnsafeBufferPointer { table in
            for entry in table where entry.key >= 0 { body(entry.key, entry.count - entry.error) }
        }
    }

    /// Kept neighbours in slot order.
    public var neighbours: [Int32] {
        var keys: [Int32] = []
        keys.reserveCapacity(count)
        forEach { key, _ in keys.append(key) }
        return keys
    }

    /// Kept (neighbour, count, error) ascending by neighbour: the canonical form the state
    /// hash reads.
    var sortedEntries: [Entry] { entries.filter { $0.key >= 0 }.sorted { $0.key < $1.key } }

    /// Bytes this row holds (for the memory figures).
    public var storedBytes: Int { entries.count * MemoryLayout<Entry>.stride }
}

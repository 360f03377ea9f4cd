/// Distinct users and items of an event file from their hashes (lowest bit 0: a user, 1: an
/// item): exact in a `HashedIDSet` within a byte budget, then HyperLogLog estimates built from
/// the hashes held (Docs/datasets.md, design note 1). The part of `ValidationTally` that reads
/// memory at random, so it can run on its own thread (`CounterThread`).
struct DistinctIDCounter {
    /// Hashes whose slots are read together before they are inserted (`HashedIDSet.touch`).
    static let touchBatch = 256

    private var set: HashedIDSet
    private var estimates: (users: DistinctEstimate, items: DistinctEstimate)?
    private var users = 0
    private var items = 0
    /// The folded slots `touch` read; kept so the reads are not optimised away.
    private var touched: UInt64 = 0
    /// The most bytes held at once (slots, then sketches).
    private(set) var peakBytes = 0

    init(budgetBytes: Int) {
        set = HashedIDSet(byteBudget: budgetBytes)
        peakBytes = set.byteCount
    }

    var isEstimated: Bool { estimates != nil }
    var userCount: Int { estimates?.users.estimate ?? users }
    var itemCount: Int { estimates?.items.estimate ?? items }

    mutating func add(_ hashes: [UInt64]) {
        var start = 0
        while start < hashes.count {
            let end = min(start + Self.touchBatch, hashes.count)
            if estimates == nil { touched ^= set.touch(hashes[start..<end]) }
            for index in start..<end { add(hashes[index]) }
            start = end
        }
    }

    private mutating func add(_ hash: UInt64) {
        let isUser = hash & 1 == 0
        if estimates != nil {
            if isUser { estimates?.users.add(hash) } else { estimates?.items.add(hash) }
            return
        }
        switch set.insert(hash) {
        case .inserted:
            if isUser { users += 1 } else { items += 1 }
            if set.byteCount > peakBytes { peakBytes = set.byteCount }
        case .present:
            break
        case .full:
            switchToEstimates()
            add(hash)
        }
    }

    /// Moves every hash held into two sketches and frees the set.
    private mutating func switchToEstimates() {
        var sketches = (users: DistinctEstimate(), items: DistinctEstimate())
        set.forEach { hash in
            if hash & 1 == 0 { sketches.users.add(hash) } else { sketches.items.add(hash) }
        }
        estimates = sketches
        peakBytes = max(peakBytes, set.byteCount + sketches.users.byteCount + sketches.items.byteCount)
        set = HashedIDSet(byteBudget: 0)
    }
}

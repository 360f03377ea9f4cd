/// The items each user has had in any earlier event (EVALUATION.md step 4, "candidates"),
/// as one flat bitset: user `u` owns words `u·wordsPerUser ..< (u+1)·wordsPerUser`.
///
/// Memory: users × ⌈items / 64⌉ × 8 bytes (ML-100k: 943 × 27 words ≈ 204 KB).
/// `contains` and `insert` are O(1) and never allocate.
public struct SeenItems: Hashable, Sendable {
    public let userCount: Int
    public let itemCount: Int
    public let wordsPerUser: Int
    public private(set) var words: [UInt64]

    public init(userCount: Int, itemCount: Int) {
        precondition(userCount >= 0 && itemCount >= 0,
                     "SeenItems needs non-negative sizes, got \(userCount) users × \(itemCount) items")
        self.userCount = userCount
        self.itemCount = itemCount
        self.wordsPerUser = (itemCount + 63) / 64
        self.words = [UInt64](repeating: 0, count: userCount * wordsPerUser)
    }

    /// Whether `user` has had `item` in an earlier event. O(1).
    @inline(__always)
    public func contains(user: UserIndex, item: ItemIndex) -> Bool {
        words[user * wordsPerUser + item >> 6] & (1 << UInt64(item & 63)) != 0
    }

    /// Marks `item` as had by `user`. O(1).
    @inline(__always)
    public mutating func insert(user: UserIndex, item: ItemIndex) {
        words[user * wordsPerUser + item >> 6] |= 1 << UInt64(item & 63)
    }

    /// Number of items `user` has had. O(items / 64).
    public func count(user: UserIndex) -> Int {
        let base = user * wordsPerUser
        var total = 0
        for w in 0..<wordsPerUser { total += words[base + w].nonzeroBitCount }
        return total
    }
}

/// Benchmark-sized synthetic logs shaped like public ones (issue 9, Docs/scenarios.md
/// "Shaped logs"), generated one event at a time in O(1) time and memory, so 100 M events
/// stream to disk without being held: ML-10M-like ratings and Taobao-UserBehavior-like clicks.
///
/// Items are numbered so that each leaf category holds a contiguous block; item popularity
/// within a leaf and leaf popularity within a user's taste are Zipf-like (inverse-CDF of a
/// continuous power law, one draw each). Each user has three favourite top-level categories
/// derived from its id; with probability `drift` per tenth of the stream a user's third
/// favourite is replaced, so interests move. Times increase through the stream.
public struct ShapedLog: Sendable {
    public enum Shape: String, Sendable, CaseIterable {
        /// ≈ 70 k users, 10 k items, 10 M ratings over 20 genres × 10 decades.
        case ml10m
        /// ≈ 1 M users, 4 M items, 9.4 k categories (100 × 94), 100 M pv/cart/fav/buy over 9 days.
        case taobao
    }

    public struct Size: Hashable, Sendable {
        public var events: Int
        public var users: Int
        public var items: Int
        public var topCategories: Int
        public var subCategories: Int
        public var seconds: Int64

        public init(events: Int, users: Int, items: Int, topCategories: Int, subCategories: Int, seconds: Int64) {
            self.events = events; self.users = users; self.items = items
            self.topCategories = topCategories; self.subCategories = subCategories; self.seconds = seconds
        }
    }

    /// One generated event, with the ids as the log writes them.
    public struct Row: Hashable, Sendable {
        public var time: Int64
        public var user: Int
        public var item: Int
        public var top: Int
        public var sub: Int
        public var action: Action
        public var value: Double?
    }

    public let shape: Shape
    public let size: Size
    public let seed: UInt64
    let leaves: Int
    let itemsPerLeaf: Int

    public static func standardSize(_ shape: Shape) -> Size {
        switch shape {
        case .ml10m: Size(events: 10_000_000, users: 70_000, items: 10_000, topCategories: 20, subCategories: 10, seconds: 10 * 365 * 86_400)
        case .taobao: Size(events: 100_000_000, users: 1_000_000, items: 4_000_000, topCategories: 100, subCategories: 94, seconds: 9 * 86_400)
        }
    }

    public init(shape: Shape, size: Size? = nil, seed: UInt64 = 42) {
        self.shape = shape
        let size = size ?? Self.standardSize(shape)
        precondition(size.events >= 0 && size.users > 0 && size.topCategories > 0 && size.subCategories > 0, "bad shaped-log size")
        self.size = size
        self.seed = seed
        leaves = size.topCategories * size.subCategories
        itemsPerLeaf = max(1, size.items / leaves)
    }

    /// Items actually generated (a whole number per leaf).
    public var itemCount: Int { itemsPerLeaf * leaves }

    /// `0..<n`, rank r drawn with density ∝ 1/(r + 1) (Zipf with exponent 1, continuous).
    @inline(__always)
    static func zipf(_ n: Int, _ u: Double) -> Int {
        let r = Int(strataExp(u * strataLog(Double(n) + 1))) - 1
        return min(max(r, 0), n - 1)
    }

    /// SplitMix64 of a key: the per-user taste without storing it.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The generator's state: where the stream is. `next()` makes the event at `position`.
    public struct Cursor: Sendable {
        public private(set) var position = 0
        var rng: Xoshiro256StarStar
        init(seed: UInt64) { rng = Xoshiro256StarStar(seed: seed) }
        mutating func advance() { position += 1 }
    }

    public func start() -> Cursor { Cursor(seed: seed) }

    /// The next event, or nil at the end. O(1).
    public func next(_ cursor: inout Cursor) -> Row? {
        guard cursor.position < size.events else { return nil }
        defer { cursor.advance() }
        var rng = cursor.rng
        defer { cursor.rng = rng }
        let t = size.topCategories, s = size.subCategories
        // Users: heavy-tailed activity, density ∝ rank^(−0.3): the most active of 70 k users
        // gives ~0.04 % of the events (ML-10M's most active user: ~0.07 %).
        let user = min(size.users - 1, Int(Double(size.users) * strataPow(rng.nextUnit(), 1 / 0.7)))
        let permuted = Int(Self.mix(UInt64(user) ^ seed) % UInt64(size.users))   // spread activity over ids
        let taste = Self.mix(UInt64(permuted) &+ seed)
        let tenth = UInt64(cursor.position * 10 / max(1, size.events))
        let drifted = Self.mix(taste ^ (tenth &* 0x5851_F42D_4C95_7F2D)) % 4 == 0   // 1 in 4 users move per tenth
        let favourites = [Int(taste % UInt64(t)), Int((taste >> 16) % UInt64(t)),
                          Int((drifted ? Self.mix(taste ^ tenth) : taste >> 32) % UInt64(t))]
        let pick = rng.nextUnit()
        let top = pick < 0.85 ? favourites[min(2, Int(pick / 0.85 * 3))] : rng.nextIndex(below: t)
        let sub = Self.zipf(s, rng.nextUnit())
        let leaf = top * s + sub
        let item = leaf * itemsPerLeaf + Self.zipf(itemsPerLeaf, rng.nextUnit())
        let time = Int64(cursor.position) * size.seconds / Int64(max(1, size.events)) + 1_000_000_000
        switch shape {
        case .ml10m:
            // Ratings: higher in favourite genres (mean ≈ 3.5 overall, as ML-10M).
            let liked = pick < 0.85
            let stars = min(5, max(1, (liked ? 3 : 2) + rng.nextIndex(below: 3) + (rng.nextUnit() < 0.3 ? 1 : 0)))
            return Row(time: time, user: permuted, item: item, top: top, sub: sub, action: .rate, value: Double(stars))
        case .taobao:
            let u = rng.nextUnit()
            let action: Action = u < 0.896 ? .view : u < 0.951 ? .cart : u < 0.980 ? .favourite : .purchase
            return Row(time: time, user: permuted, item: item, top: top, sub: sub, action: action, value: nil)
        }
    }
}

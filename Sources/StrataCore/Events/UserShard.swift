/// One of `count` user shards (Docs/scaling.md): a user belongs to shard
/// `FNV-1a-64(external id) mod count`, a rule that any engine can apply to its own copy of the
/// log (no shared table), stable across runs and platforms.
public struct UserShard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count) out of range")
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// FNV-1a over the id's UTF-8 bytes.
    public static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    public func contains(userID: String) -> Bool { Int(Self.hash(userID) % UInt64(count)) == index }
}

extension Dataset {
    /// The events of this shard's users, in stream order, with the same catalogue (item
    /// indices unchanged) and users renumbered in order of first appearance in the shard.
    public func restricted(to shard: UserShard) -> Dataset {
        guard shard.count > 1 else { return self }
        var newIndex = Array(repeating: -1, count: userIDs.count)
        var ids: [String] = []
        for (u, id) in userIDs.enumerated() where shard.contains(userID: id) {
            newIndex[u] = ids.count
            ids.append(id)
        }
        var kept: [Event] = []
        for var event in events where newIndex[event.user] >= 0 {
            event.user = newIndex[event.user]
            kept.append(event)
        }
        return Dataset(name: "\(name) shard \(shard)", catalogue: catalogue, userIDs: ids, events: kept,
                       fingerprint: fingerprint)
    }
}

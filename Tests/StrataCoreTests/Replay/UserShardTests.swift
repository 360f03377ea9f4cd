import StrataTestSupport
import Testing
@testable import StrataCore

/// Issue 9 item 6: `--shard K/N` partitions the users, keeps each user's events in order and
/// replays deterministically.
@Suite struct UserShardTests {
    static let catalogue = StreamBuilder.catalogue()
    static let dataset = Dataset(name: "tiny", catalogue: catalogue, userIDs: (0..<40).map { "user-\($0)" },
                                 events: StreamBuilder.events(catalogue: catalogue, users: 40, count: 2_000, seed: 3))

    @Test(arguments: [1, 4, 16])
    func shardsPartitionTheUsersAndTheirEvents(count: Int) {
        let shards = (0..<count).map { Self.dataset.restricted(to: UserShard(index: $0, count: count)) }
        let ids = shards.flatMap(\.userIDs)
        #expect(ids.count == Self.dataset.userIDs.count)
        #expect(Set(ids) == Set(Self.dataset.userIDs))
        #expect(shards.reduce(0) { $0 + $1.events.count } == Self.dataset.events.count)
        for shard in shards {
            // Each user's events, in order, exactly as in the whole stream.
            for (u, id) in shard.userIDs.enumerated() {
                let original = Self.dataset.userIDs.firstIndex(of: id)!
                let mine = shard.events.filter { $0.user == u }.map { [$0.time, Int64($0.item)] }
                let theirs = Self.dataset.events.filter { $0.user == original }.map { [$0.time, Int64($0.item)] }
                #expect(mine == theirs)
            }
        }
        if count > 1 { #expect(shards.filter { !$0.events.isEmpty }.count > 1) }
    }

    @Test func shardReplayIsDeterministic() {
        let shard = Self.dataset.restricted(to: UserShard(index: 2, count: 4))
        var a = Replayer(dataset: shard, keepsCheckpoints: false), b = Replayer(dataset: shard, keepsCheckpoints: false)
        a.seek(to: a.total)
        b.seek(to: b.total)
        #expect(a.model.stateHash == b.model.stateHash)
        #expect(a.position == shard.events.count)
    }

    @Test func membershipIsFNV1aOfTheId() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector).
        #expect(UserShard.hash("a") == 0xAF63_DC4C_8601_EC8C)
        let expected: UInt64 = 0xAF63_DC4C_8601_EC8C
        #expect(UserShard(index: Int(expected % 7), count: 7).contains(userID: "a"))
    }
}

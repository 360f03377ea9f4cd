import StrataCore
import Testing
@testable import StrataData

/// `IDHashIndex` only proposes: an id whose hash another id holds is never confirmed, so
/// `DatasetBuilder` falls back to its exact lookup (Docs/datasets.md design note 2).
@Suite("Id lookup by hash")
struct IDHashIndexTests {
    @Test func confirmsOnlyTheIdThatHoldsTheHash() {
        let stored = ["alice", "bob"]
        var index = IDHashIndex()
        index.add(0, hash: 7)
        index.add(1, hash: 7)  // a collision: alice keeps the slot
        #expect(index.index(of: .text("alice"), hash: 7, storedID: { stored[$0] }) == 0)
        #expect(index.index(of: .text("bob"), hash: 7, storedID: { stored[$0] }) == nil)
        #expect(index.index(of: .text("alice"), hash: 8, storedID: { stored[$0] }) == nil)
        var bytes = "alice"
        bytes.withUTF8 { #expect(index.index(of: .bytes($0), hash: 7, storedID: { stored[$0] }) == 0) }
    }

    @Test func builderKeepsUsersAndItemsApartWhateverTheirSpelling() {
        var builder = DatasetBuilder()
        var line = "u1,i1"
        line.withUTF8 { bytes in
            let user = IDText.bytes(UnsafeBufferPointer(rebasing: bytes[0..<2]))
            let item = IDText.bytes(UnsafeBufferPointer(rebasing: bytes[3..<5]))
            builder.addEvent(user: user, item: item, makeItem: { Item(id: "i1", title: "i1", paths: []) },
                             timestamp: (1, 0), action: .view, value: nil)
        }
        builder.addEvent(user: .text("u1"), item: .text("i1"), makeItem: { Item(id: "i1", title: "again", paths: []) },
                         timestamp: (2, 0), action: .view, value: nil)
        builder.addEvent(user: .text("u2"), item: .text("i2"), makeItem: { Item(id: "i2", title: "i2", paths: []) },
                         timestamp: (3, 0), action: .view, value: nil)
        let dataset = builder.build(name: "t", fingerprint: "f")
        #expect(dataset.userIDs == ["u1", "u2"])
        #expect(dataset.catalogue.items.map(\.title) == ["i1", "i2"])
        #expect(dataset.events.map(\.user) == [0, 0, 1])
        #expect(dataset.events.map(\.item) == [0, 0, 1])
    }
}

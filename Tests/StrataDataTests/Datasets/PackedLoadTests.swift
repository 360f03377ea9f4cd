import StrataCore
import Testing
@testable import StrataData

/// Loading into the packed event log (Docs/datasets.md design note 2): the stable time order
/// and stream-order user numbering of EVALUATION.md, in place; ids past the log's bounds are
/// refused, not wrapped.
@Suite("Loading packed events")
struct PackedLoadTests {
    static func item(_ id: String) -> Item { Item(id: id, title: id, paths: [["c"]]) }

    @Test("out of order: sorted stably by time; users numbered in stream order; fractions sort too")
    func orderAndUsers() {
        var builder = DatasetBuilder()
        let a = builder.itemIndex(for: "a") { Self.item("a") }
        let b = builder.itemIndex(for: "b") { Self.item("b") }
        for (user, item, time, value) in [("u1", a, 30, 1.0), ("u2", b, 10, 2.0), ("u3", a, 30, 3.0), ("u2", a, 10, 4.0)] {
            builder.addEvent(user: user, item: item, timestamp: (Int64(time), 0), action: .rate, value: value)
        }
        let dataset = builder.build(name: "t", fingerprint: "")
        #expect(dataset.events.map(\.value) == [2, 4, 1, 3])          // equal times keep file order
        #expect(dataset.userIDs == ["u2", "u1", "u3"])                // first appearance in the sorted stream
        #expect(dataset.events.map(\.user) == [0, 0, 1, 2])
        var fractional = DatasetBuilder()
        let c = fractional.itemIndex(for: "c") { Self.item("c") }
        fractional.addEvent(user: "x", item: c, timestamp: (5, 0.75), action: .view, value: nil)
        fractional.addEvent(user: "y", item: c, timestamp: (5, 0.25), action: .view, value: nil)
        fractional.addEvent(user: "z", item: c, timestamp: (5, 0.25), action: .click, value: nil)
        let sorted = fractional.build(name: "f", fingerprint: "")
        #expect(sorted.userIDs == ["y", "z", "x"])
        #expect(sorted.events.map(\.action) == [.view, .click, .view])
    }

    @Test("a loaded log keeps no more than an eighth of spare capacity")
    func trimmed() {
        var builder = DatasetBuilder()
        let a = builder.itemIndex(for: "a") { Self.item("a") }
        for k in 0..<70_000 { builder.addEvent(user: "u\(k % 7)", item: a, timestamp: (Int64(k), 0), action: .view, value: nil) }
        let dataset = builder.build(name: "t", fingerprint: "")
        #expect(dataset.events.count == 70_000)
        #expect(dataset.events.storedBytes <= 70_000 * 24 * 9 / 8, "\(dataset.events.storedBytes) bytes")
    }

    @Test("an item index past what the packed log holds is flagged and not stored")
    func tooManyItems() {
        var builder = DatasetBuilder()
        builder.addEvent(user: "u", item: EventLog.maximumItems, timestamp: (1, 0), action: .view, value: nil)
        #expect(builder.tooManyIDs)
        #expect(builder.eventCount == 0)
    }
}

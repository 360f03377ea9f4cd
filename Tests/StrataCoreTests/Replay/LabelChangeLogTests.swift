import StrataTestSupport
import Testing
@testable import StrataCore

/// `logsLabelChanges` off (headless replay) keeps the number of tier changes, not the records,
/// and changes nothing else (Docs/model.md design note 17).
@Suite struct LabelChangeLogTests {
    @Test("without the log: the same state hash and count, no records, less memory")
    func countOnly() {
        var logged = Replayer(dataset: ReplayerTests.dataset, keepsCheckpoints: false)
        var counted = Replayer(dataset: ReplayerTests.dataset, keepsCheckpoints: false, logsLabelChanges: false)
        logged.step(count: 600)
        counted.step(count: 600)
        #expect(logged.model.labelChanges.count > 50)
        #expect(logged.model.labelChangeCount == logged.model.labelChanges.count)
        #expect(counted.model.labelChanges.isEmpty)
        #expect(counted.model.labelChangeCount == logged.model.labelChangeCount)
        #expect(counted.model.stateHash == logged.model.stateHash)
        #expect(counted.model.memory.logs < logged.model.memory.logs)
        // A rewind from a fresh model keeps the choice.
        counted.seek(to: 100)
        counted.seek(to: 600)
        #expect(counted.model.labelChanges.isEmpty && counted.model.stateHash == logged.model.stateHash)
    }
}

/// A placeholder title (`item 42`: the data names none) is no text (design note 17).
@Suite struct PlaceholderTitleTests {
    @Test("placeholder titles give no terms; tags and real titles do")
    func noTermsFromPlaceholders() {
        let items = [
            Item(id: "42", title: Item.placeholderTitle(id: "42"), paths: [["a"]]),
            Item(id: "43", title: Item.placeholderTitle(id: "43"), paths: [["a"]], tags: ["shoes"]),
            Item(id: "44", title: "Red shoes", paths: [["a"]]),
            Item(id: "45", title: "item 44", paths: [["a"]]),   // names another item: real text
        ]
        #expect(items.map(\.hasPlaceholderTitle) == [true, true, false, false])
        let vectors = ItemVectors(catalogue: Catalogue(items: items))
        #expect(vectors.range(of: 0).isEmpty)
        #expect(vectors.range(of: 1).map { vectors.vocabulary[Int(vectors.terms[$0])] } == ["#shoes"])
        #expect(vectors.range(of: 2).map { vectors.vocabulary[Int(vectors.terms[$0])] }.sorted() == ["red", "shoes"])
        #expect(!vectors.range(of: 3).isEmpty)
    }

    @Test("a user's content profiles stay empty on items without text")
    func profilesStayEmpty() {
        let items = (0..<50).map { Item(id: "i\($0)", title: Item.placeholderTitle(id: "i\($0)"), paths: [["top\($0 % 3)"]]) }
        let catalogue = Catalogue(items: items)
        var model = StrataModel(catalogue: catalogue)
        for k in 0..<200 { model.observe(Event(time: Int64(k * 60), user: k % 4, item: (k * 7) % 50, action: .view)) }
        #expect(model.memory.profiles == 0)
        #expect(model.memory.interest > 0)
    }
}
